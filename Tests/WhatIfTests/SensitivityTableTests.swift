import Formula
import PlanEngine
import Testing
import WhatIf

@Suite struct SensitivityTableTests {
    typealias Axis = SensitivityTable.Axis

    struct TableCase: Sendable, CustomTestStringConvertible {
        let model: [String]
        let target: String
        let rows: Axis
        let columns: Axis?
        var testDescription: String {
            "\(target) by \(rows.name)" + (columns.map { " and \($0.name)" } ?? "")
        }
    }

    static let tables: [TableCase] = [
        TableCase(model: funnel, target: "revenue",
                  rows: Axis(name: "leads", values: [100, 125, 150, 175, 200]), columns: nil),
        TableCase(model: funnel, target: "revenue",
                  rows: Axis(name: "leads", values: [100, 150, 200]),
                  columns: Axis(name: "win_rate", values: [0.25, 0.33, 0.4, 0.5])),
        TableCase(model: funnel, target: "wins",
                  rows: Axis(name: "conversion", values: [0.1, 0.15, 0.2]),
                  columns: Axis(name: "leads", values: [0, 90, 300])),
        // The column input feeds more cells than the row input: computed the other way round.
        TableCase(model: funnel, target: "revenue",
                  rows: Axis(name: "deal", values: [2000, 2400, 3000]),
                  columns: Axis(name: "leads", values: [100, 150])),
        // Non-linear and erroring targets: each point is still exactly what the model computes.
        TableCase(model: ["x = 2", "y = 1", "ratio = if(x > 3, min(x * y, 10), 100 / (x - 1))"], target: "ratio",
                  rows: Axis(name: "x", values: [0, 1, 2, 3, 4, 8]),
                  columns: Axis(name: "y", values: [-1, 0, 2.5])),
        // The target is one of the inputs.
        TableCase(model: funnel, target: "leads",
                  rows: Axis(name: "leads", values: [1, 2, 3]), columns: Axis(name: "deal", values: [5])),
    ]

    @Test(arguments: tables)
    func everyPointIsTheValueTheModelGivesThere(_ table: TableCase) throws {
        let model = try makeModel(table.model)
        let result = try SensitivityTable.compute(
            in: model, target: table.target, rows: table.rows, columns: table.columns).get()
        #expect(result.values.count == table.rows.values.count)
        for (rowIndex, rowValue) in table.rows.values.enumerated() {
            let row = try evaluated(model, setting: table.rows.name, to: rowValue)
            guard let columns = table.columns else {
                #expect(result.values[rowIndex] == [row.value(of: table.target)])
                continue
            }
            #expect(result.values[rowIndex].count == columns.values.count)
            for (columnIndex, columnValue) in columns.values.enumerated() {
                let point = try evaluated(row, setting: columns.name, to: columnValue)
                #expect(result.values[rowIndex][columnIndex] == point.value(of: table.target),
                        "\(table.rows.name) = \(rowValue), \(columns.name) = \(columnValue)")
            }
        }
    }

    @Test func carriesTheFormatsOfTheTargetAndOfEachInput() throws {
        let table = try SensitivityTable.compute(
            in: try makeModel(funnel), target: "revenue",
            rows: Axis(name: "leads", values: [100]), columns: Axis(name: "win_rate", values: [0.3])).get()
        #expect(table.targetFormat == .currency(.dollar))
        #expect(table.rows.format == .number)
        #expect(table.columns?.format == .percent)
        #expect(table.values == [[.number(100 * 0.15 * 0.3 * 2400)]])
    }

    struct BaseCase: Sendable, CustomTestStringConvertible {
        let input: String
        let values: [Double]
        let baseIndex: Int?
        var testDescription: String { "\(input) in \(values) → \(baseIndex.map(String.init) ?? "none")" }
    }

    static let bases: [BaseCase] = [
        BaseCase(input: "leads = 150", values: [100, 125, 150, 175, 200], baseIndex: 2),
        BaseCase(input: "leads = 150", values: [100, 125, 175], baseIndex: nil),
        BaseCase(input: "win_rate = 33%", values: [0.3, 0.33, 0.36], baseIndex: 1),
        BaseCase(input: "win_rate = 33%", values: [0.25, 0.3, 0.35], baseIndex: nil),
        // -0.3 + 3 × 0.1 is 5.6e-17: still the base value 0.
        BaseCase(input: "growth = 0", values: [-0.3, -0.2, -0.1, -0.3 + 3 * 0.1, 0.1], baseIndex: 3),
        BaseCase(input: "growth = 0", values: [-1, 1], baseIndex: nil),
        BaseCase(input: "flag = true", values: [0, 1], baseIndex: nil),
    ]

    @Test(arguments: bases)
    func marksTheCurrentValueOfEachAxis(_ base: BaseCase) throws {
        let name = String(base.input.prefix { $0 != " " })
        let model = try makeModel([base.input, "out = \(name) * 2"])
        let oneWay = try SensitivityTable.compute(in: model, target: "out", rows: Axis(name: name, values: base.values)).get()
        #expect(oneWay.rows.baseIndex == base.baseIndex)
        let withExtra = try makeModel([base.input, "other = 1", "out = \(name) * other"])
        let twoWay = try SensitivityTable.compute(
            in: withExtra, target: "out",
            rows: Axis(name: "other", values: [1, 5]), columns: Axis(name: name, values: base.values)).get()
        #expect(twoWay.columns?.baseIndex == base.baseIndex)
        #expect(twoWay.rows.baseIndex == 0)
    }

    struct RefusalCase: Sendable, CustomTestStringConvertible {
        let target: String
        let rows: Axis
        let columns: Axis?
        let error: WhatIfError
        var testDescription: String { "\(error)" }
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(target: "profit", rows: Axis(name: "leads", values: [1]), columns: nil,
                    error: .unknownCell("profit")),
        RefusalCase(target: "revenue", rows: Axis(name: "calls", values: [1]), columns: nil,
                    error: .unknownCell("calls")),
        RefusalCase(target: "revenue", rows: Axis(name: "leads", values: [1]), columns: Axis(name: "wins", values: [1]),
                    error: .inputNotLeadIndicator("wins")),
        RefusalCase(target: "revenue", rows: Axis(name: "leads", values: [1]), columns: Axis(name: "leads", values: [2]),
                    error: .sameInputOnBothAxes("leads")),
        RefusalCase(target: "revenue", rows: Axis(name: "leads", values: []), columns: nil,
                    error: .emptyAxis("leads")),
        RefusalCase(target: "revenue", rows: Axis(name: "leads", values: (1...1_000).map(Double.init)),
                    columns: Axis(name: "deal", values: (1...251).map(Double.init)),
                    error: .tooManyCells(count: 251_000, limit: 250_000)),
    ]

    @Test(arguments: refusals)
    func refusesTablesThatCannotBeComputed(_ refusal: RefusalCase) throws {
        let result = SensitivityTable.compute(
            in: try makeModel(funnel), target: refusal.target, rows: refusal.rows, columns: refusal.columns)
        #expect(result == .failure(refusal.error))
    }

    @Test func csvCarriesFifteenSignificantDigits() throws {
        let model = try makeModel(["x = 1", "y = 1", "ratio = x / y"])
        let oneWay = try SensitivityTable.compute(in: model, target: "ratio", rows: Axis(name: "x", values: [1, 2])).get()
        #expect(oneWay.csv == "x,ratio\n1,1\n2,2\n")
        let twoWay = try SensitivityTable.compute(
            in: model, target: "ratio",
            rows: Axis(name: "x", values: [1, 2.5]), columns: Axis(name: "y", values: [3, 0])).get()
        #expect(twoWay.csv == "x\\y,3,0\n1,0.333333333333333,#DIV/0!\n2.5,0.833333333333333,#DIV/0!\n")
    }
}

@Suite struct InterruptedTableTests {
    @Test func aTableAskedToStopReturnsInterruptedAfterTheLinesItFinished() throws {
        let model = try makeModel(funnel)
        var linesAllowed = 2
        var asked = 0
        let outcome = SensitivityTable.compute(
            in: model, target: "revenue",
            rows: SensitivityTable.Axis(name: "leads", values: [100, 110, 120, 130]),
            shouldStop: {
                asked += 1
                linesAllowed -= 1
                return linesAllowed < 0
            })
        guard case .failure(.interrupted) = outcome else {
            Issue.record("expected the table to stop, got \(outcome)")
            return
        }
        #expect(asked == 3)
        #expect(WhatIfError.interrupted.description == "stopped (Ctrl-C): nothing was changed")
    }

    @Test func aTwoWayTableIsAskedAtEveryPointSoItStopsInsideALine() throws {
        let model = try makeModel(funnel)
        var asked = 0
        let outcome = SensitivityTable.compute(
            in: model, target: "revenue",
            rows: SensitivityTable.Axis(name: "leads", values: [100, 120]),
            columns: SensitivityTable.Axis(name: "win_rate", values: [0.3, 0.35, 0.4]),
            shouldStop: {
                asked += 1
                return asked == 3
            })
        guard case .failure(.interrupted) = outcome else {
            Issue.record("expected the table to stop, got \(outcome)")
            return
        }
        // Once before the first line, then before each point: the third ask is the second point.
        #expect(asked == 3)
    }
}
