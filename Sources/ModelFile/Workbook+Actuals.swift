import Formula
import PlanEngine

extension Workbook {
    /// Records, replaces or takes away actuals as one edit (all or nothing), and writes their
    /// lines: a new one in its cell's block of actuals (see ``ModelDocument/setActual(_:period:value:)``),
    /// in the cell's display format (`12.5%`, `$2400`).
    @discardableResult
    public mutating func setActuals(_ changes: [ActualChange]) throws(ModelError) -> [CellChange] {
        let result = try model.setActuals(changes)
        for change in changes {
            if let value = change.value {
                let text = NumberLiteral.text(value, style: NumberLiteral.style(for: model.format(of: change.name)))
                document.setActual(change.name, period: change.period, value: text)
            } else {
                document.removeActual(change.name, period: change.period)
            }
        }
        return result
    }

    /// The actuals and the file text as they stand: what undoing an edit of actuals puts back,
    /// byte for byte.
    public struct ActualsSnapshot: Sendable {
        let actuals: [Actual]
        let document: ModelDocument
    }

    public var actualsSnapshot: ActualsSnapshot { ActualsSnapshot(actuals: model.actuals, document: document) }

    /// Returns the actuals and the file text to `snapshot` (taken on this plan, before or after
    /// an edit of actuals), recomputing only what the actuals that differ reach.
    @discardableResult
    public mutating func restore(_ snapshot: ActualsSnapshot) throws(ModelError) -> [CellChange] {
        struct Key: Hashable { let name: String; let period: Period }
        let wanted = Dictionary(snapshot.actuals.map { (Key(name: $0.name, period: $0.period), $0.value) }) { $1 }
        let current = Dictionary(model.actuals.map { (Key(name: $0.name, period: $0.period), $0.value) }) { $1 }
        var changes = current.keys.filter { wanted[$0] == nil }
            .map { ActualChange(name: $0.name, period: $0.period, value: nil) }
        changes += snapshot.actuals.filter { current[Key(name: $0.name, period: $0.period)] != $0.value }
            .map { ActualChange(name: $0.name, period: $0.period, value: $0.value) }
        let result = changes.isEmpty ? [] : try model.setActuals(changes)
        document = snapshot.document
        return result
    }
}
