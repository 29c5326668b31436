import Formula
import ModelFile
import Testing
@testable import Shell

@Suite("Definitions, expressions and the reactive display")
struct DefinitionTests {
    @Test("a definition prints every cell that moved, old → new with the change, aligned as in SPEC §4")
    func reactiveDisplay() {
        let session = makeSession()
        let reply = session.handle("leads = 150")
        #expect(!reply.failed)
        #expect(reply.output == [
            "leads            120 → 150      +25%",
            "opportunities     18 → 22.5     +25%",
            "wins            5.94 → 7.43     +25%",
            "revenue      $14,256 → $17,820  +25%",
        ])
    }

    @Test("a new cell prints as name = value (new)")
    func newCell() {
        let session = makeSession([])
        #expect(session.handle("leads = 120").output == ["leads = 120 (new)"])
        #expect(session.handle("conversion = 15%").output == ["conversion = 15% (new)"])
    }

    @Test("redefining with the same value says so instead of printing nothing")
    func unchangedValue() {
        let session = makeSession()
        #expect(session.handle("leads = 100 + 20").output == ["leads = 120 (unchanged)"])
        #expect(session.workbook.model["leads"]?.formula == "100 + 20")
    }

    @Test("the formula is kept as written, without a trailing comment", arguments: [
        ("leads = 2.4k   # per month", "2.4k"),
        ("leads=  120", "120"),
        ("leads = (100 + 20) * 1", "(100 + 20) * 1"),
    ])
    func formulaText(line: String, formula: String) {
        let session = makeSession([])
        #expect(!session.handle(line).failed)
        #expect(session.workbook.model["leads"]?.formula == formula)
    }

    @Test("an expression prints its value in its display format", arguments: [
        ("wins * 2", "11.88"),
        ("revenue", "$14,256"),
        ("conversion + 5%", "20%"),
        ("revenue > 10k", "true"),
        ("leads / 0", "#DIV/0!"),
    ])
    func expression(line: String, value: String) {
        let reply = makeSession().handle(line)
        #expect(reply.output == [value])
        #expect(!reply.failed)
    }

    @Test("a reference to an undefined name warns, and the cell heals when the name is defined")
    func undefinedNameHeals() {
        let session = makeSession(["leads = 100"])
        let reply = session.handle("revenue = leads * price")
        #expect(reply.output == ["revenue = #NAME? (new)"])
        #expect(reply.errors == ["warning: 'price' is not defined"])
        #expect(!reply.failed)
        let healed = session.handle("price = $10")
        #expect(healed.output == ["price = $10 (new)", "revenue #NAME? → $1,000"])
        #expect(healed.errors.isEmpty)
    }

    @Test("an expression naming an undefined cell shows #NAME? and warns")
    func undefinedInExpression() {
        let reply = makeSession().handle("profit * 2")
        #expect(reply.output == ["#NAME?"])
        #expect(reply.errors == ["warning: 'profit' is not defined"])
    }

    @Test("a definition that closes a cycle is refused with the path and changes nothing")
    func cycleRefused() throws {
        let session = makeSession()
        let before = session.workbook.render()
        let reply = session.handle("leads = revenue / 100")
        #expect(reply.failed)
        #expect(reply.output.isEmpty)
        let error = try #require(reply.errors.first)
        #expect(error.hasPrefix("error: cycle: "))
        #expect(error.contains("leads") && error.contains("revenue") && error.contains(" → "))
        #expect(session.workbook.render() == before)
        #expect(shown("leads", in: session) == "120")
        #expect(session.handle(":undo").output.first == "undid revenue = wins * deal_value")
    }

    @Test("a statement that does not parse prints the line with a caret under the column")
    func parseErrorAtTheREPL() throws {
        let session = makeSession()
        let reply = session.handle("revenue = wins *")
        #expect(reply.failed)
        #expect(reply.errors.count == 3)
        let header = try #require(reply.errors.first)
        #expect(header.hasPrefix("<input>:1:"))
        #expect(header.contains(": error: "))
        #expect(reply.errors[1] == "revenue = wins *")
        let column = try #require(Int(header.split(separator: ":")[2]))
        let caretLine = reply.errors[2]
        let caretColumn = caretLine.firstIndex(of: "^")
            .map { caretLine.distance(from: caretLine.startIndex, to: $0) + 1 }
        #expect(caretColumn == column)
        #expect(shown("revenue", in: session) == "$14,256")
    }

    @Test("in a script, errors name the file and line")
    func errorsInAScriptCarryTheLocation() throws {
        let session = makeSession()
        let location = InputLocation(path: "plan.leadlag", line: 7)
        let parse = session.handle("wins = (", at: location)
        #expect(try #require(parse.errors.first).hasPrefix("plan.leadlag:7:"))
        #expect(parse.errors[1] == "wins = (")
        let cycle = session.handle("leads = wins", at: location)
        #expect(try #require(cycle.errors.first).hasPrefix("plan.leadlag:7: error: cycle: "))
        let unknown = session.handle(":frobnicate", at: location)
        #expect(unknown.errors == ["plan.leadlag:7: error: unknown command ':frobnicate' (try :help)"])
        let warning = session.handle("x = nothing_here", at: location)
        #expect(warning.errors == ["plan.leadlag:7: warning: 'nothing_here' is not defined"])
    }

    @Test("a line break inside a typed line is refused at its column: the file would read two lines",
          arguments: [7, nil] as [Int?])
    func carriageReturnInsideALine(number: Int?) throws {
        let location = number.map { InputLocation(path: "plan.leadlag", line: $0) }
        let session = makeSession()
        let before = session.workbook.render()
        let reply = session.handle("wins = 1 +\r*", at: location)
        let header = try #require(reply.errors.first)
        let place = number.map { "plan.leadlag:\($0):11: error: " } ?? "<input>:1:11: error: "
        #expect(header == place + "a line break inside the line: type one line at a time")
        // The line is echoed with the `\r` made visible as ^M, the caret under it.
        #expect(reply.errors.dropFirst() == ["wins = 1 +^M*", String(repeating: " ", count: 10) + "^"])
        #expect(session.workbook.render() == before)
    }

    @Test("a comment holding a carriage return is refused too; a trailing one is only a line end")
    func carriageReturnInAComment() {
        let session = makeSession()
        let before = session.workbook.render()
        #expect(session.handle("conversion = 15%  # le\r\nads").failed)
        #expect(session.workbook.render() == before)
        #expect(!session.handle("conversion = 15%  # leads\r").failed)
        #expect(session.workbook.render().contains("conversion = 15%  # leads\n"))
    }

    @Test("blank lines, and comments in a script, do nothing", arguments: ["", "   ", "# a note", "   # indented note"])
    func blankAndComment(line: String) {
        let session = makeSession()
        let reply = session.handle(line, at: line.contains("#") ? InputLocation(path: "s.leadlag", line: 1) : nil)
        #expect(reply.lines.isEmpty)
        #expect(!reply.failed)
        // Nothing was recorded either: undo takes back the last real edit.
        #expect(session.handle(":undo").output.first == "undid revenue = wins * deal_value")
    }

    @Test("lead indicators are colored apart from lag indicators when color is on")
    func leadAndLagColors() {
        let session = makeSession()
        session.colorizer = .init(isEnabled: true)
        let reply = session.handle("leads = 150")
        #expect(reply.output[0].hasPrefix("\u{1B}[34mleads\u{1B}[0m"))
        #expect(reply.output[1].hasPrefix("\u{1B}[35mopportunities\u{1B}[0m"))
        session.colorizer = .plain
        #expect(!session.handle("leads = 160").text.contains("\u{1B}"))
    }

    @Test("the display fits a narrow terminal by shortening long names, never the numbers")
    func narrowDisplay() {
        let session = makeSession([
            "a_very_long_lead_indicator_name = 100", "total = a_very_long_lead_indicator_name * 3",
        ])
        session.width = 30
        let reply = session.handle("a_very_long_lead_indicator_name = 200")
        #expect(reply.output.allSatisfy { $0.count <= 30 })
        #expect(reply.output.contains { $0.contains("300 → 600") })
    }
}

@Suite("a huge edit is summarized")
struct HugeChangeTests {
    @Test func changesBeyondTheLimitAreCountedNotListed() throws {
        let count = ChangeReport.shownChanges + 25
        var lines = ["c0 = 1"]
        for index in 1..<count { lines.append("c\(index) = c\(index - 1) + 1") }
        let workbook = try Workbook.parse(lines.joined(separator: "\n") + "\n", path: "chain.model").get()
        let session = Session(workbook: workbook)
        let reply = session.handle("c0 = 2")
        let output = reply.output
        #expect(output.count == ChangeReport.shownChanges + 1)
        #expect(output.first?.hasPrefix("c0 ") == true)
        #expect(output.last == "… and 25 more cells changed (:list shows every value)")
        #expect(session.workbook.model.value(of: "c\(count - 1)") == .number(Double(count + 1)))
    }

    @Test func undoingAHugeEditCountsEveryCellItPutsBack() throws {
        let count = ChangeReport.shownChanges + 960
        var lines = ["c0 = 1"]
        for index in 1..<count { lines.append("c\(index) = c\(index - 1) * 1.0001 + 1") }
        let text = lines.joined(separator: "\n") + "\n"
        let session = Session(workbook: try Workbook.parse(text, path: "chain.model").get())
        let last = session.workbook.model.value(of: "c\(count - 1)")
        #expect(session.handle("c0 = 2").output.last == "… and 960 more cells changed (:list shows every value)")
        let undone = session.handle(":undo").output
        #expect(undone.count == ChangeReport.shownChanges + 2)
        #expect(undone.first == "undid c0 = 2")
        #expect(undone[1] == "c0      2 → 1         -50%")
        #expect(undone.last == "… and 960 more cells changed (:list shows every value)")
        #expect(session.workbook.model.value(of: "c\(count - 1)") == last)
        #expect(session.workbook.render() == text)
    }

    @Test func aHugeEditOfSeriesListsTheirTotalsAndCountsTheRest() throws {
        let count = ChangeReport.shownChanges + 10
        var lines = ["periods = 2027-01 .. 2027-03", "s0 = 10 * t"]
        for index in 1..<count { lines.append("s\(index) = s\(index - 1) + 1") }
        let session = Session(workbook: try Workbook.parse(lines.joined(separator: "\n") + "\n", path: "series.model").get())
        let output = session.handle("s0 = 20 * t").output
        #expect(output.count == ChangeReport.shownChanges + 1)
        #expect(output[0].hasPrefix("s0 total ") && output[0].contains("30 → 60"))
        #expect(output[1].hasPrefix("s1 total ") && output[1].contains("33 → 63"))
        #expect(output.last == "… and 10 more cells changed (:list shows every value)")
        #expect(session.workbook.model.values(of: "s\(count - 1)") == [.number(49), .number(69), .number(89)])
    }
}

@Suite("old values keep the format they had")
struct ChangedFormatTests {
    @Test func aPercentRedefinedAsAPlainNumberShowsBothFormats() {
        let session = makeSession()
        let reply = session.handle("conversion = 0.2")
        let line = reply.output.first ?? ""
        #expect(line.hasPrefix("conversion") && line.contains(" 15% → 0.2 ") && line.hasSuffix("+33.33%"))
    }

    @Test func deletingACurrencyInputKeepsTheDollarOnTheOldValues() {
        let session = makeSession()
        let reply = session.handle(":delete deal_value")
        #expect(reply.output.contains("deal_value deleted (was $2,400)"))
        #expect(reply.output.contains { $0.hasPrefix("revenue") && $0.contains("$14,256 → #NAME?") })
    }
}
