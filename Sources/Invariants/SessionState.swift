import Formula
import ModelFile
import PlanEngine
import Shell

/// Everything a person can see of a session, compared before and after a line: the file
/// text it would save, every cell shown with its value and format, and the scenario shown.
struct SessionState: Equatable {
    /// One cell as shown, every period of a series. The value is kept as text of its bits, so NaN equals itself; zero is
    /// one value, since nothing shows or exports the sign of -0 (an edit that leaves a cell
    /// at 0 may keep the -0 it had, where a fresh load computes 0).
    struct CellState: Equatable {
        let name: String
        let formula: String
        let value: String
        let format: DisplayFormat
    }

    let document: String
    let cells: [CellState]
    let activeScenario: String?

    init(_ session: Session) {
        document = session.workbook.render()
        cells = Self.cells(of: session.model)
        activeScenario = session.activeScenario
    }

    static func cells(of model: Model) -> [CellState] {
        model.cellsInOrder.map {
            CellState(name: $0.name, formula: $0.formula, value: $0.values.map(valueText).joined(separator: "; "),
                      format: $0.format)
        }
    }

    static func valueText(_ value: Value) -> String {
        switch value {
        case .number(let number) where number == 0: "0"
        case .number(let number): "\(number) (bits \(number.bitPattern))"
        case .boolean(let flag): "\(flag)"
        case .error(let code): code.rawValue
        }
    }

    /// What differs from `other`, for the message of a broken invariant.
    func difference(from other: SessionState) -> String {
        if document != other.document {
            return "the file text \(ByteText.escaped(other.document.utf8)) became \(ByteText.escaped(document.utf8))"
        }
        if activeScenario != other.activeScenario {
            return "the scenario shown \(other.activeScenario ?? "base") became \(activeScenario ?? "base")"
        }
        let changed = zip(other.cells, cells).first { $0 != $1 }
        if let (old, new) = changed {
            return "cell \(old.name) = \(old.formula) (\(old.value), \(old.format)) "
                + "became \(new.name) = \(new.formula) (\(new.value), \(new.format))"
        }
        return "the cells \(other.cells.map(\.name)) became \(cells.map(\.name))"
    }
}
