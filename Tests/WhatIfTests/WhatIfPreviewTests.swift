import Formula
import PlanEngine
import Testing
import WhatIf

@Suite struct WhatIfPreviewTests {
    struct PreviewCase: Sendable, CustomTestStringConvertible {
        let edits: [String]
        /// The cells expected to change, in the order the engine reports them.
        let changed: [String]
        var testDescription: String { edits.joined(separator: ", ") }
    }

    static let previews: [PreviewCase] = [
        PreviewCase(edits: ["leads = 200"], changed: ["leads", "opportunities", "wins", "revenue"]),
        PreviewCase(edits: ["deal = $3000"], changed: ["deal", "revenue"]),
        PreviewCase(edits: ["leads = 200", "win_rate = 40%"], changed: ["leads", "win_rate", "opportunities", "wins", "revenue"]),
        PreviewCase(edits: ["leads = 150"], changed: []),
        PreviewCase(edits: ["margin = revenue * 20%"], changed: ["margin"]),
    ]

    @Test(arguments: previews)
    func showsWhatTheEditsWouldChangeAndChangesNothing(_ preview: PreviewCase) throws {
        let model = try makeModel(funnel)
        let edits = try preview.edits.map(definition)
        let changes = try WhatIfPreview.preview(model, edits: edits).get()
        #expect(Set(changes.map(\.name)) == Set(preview.changed))
        // Exactly what applying the edits reports (the engine's order among cells that do
        // not depend on each other is not fixed), and the model given is as it was.
        var applied = model
        let appliedChanges = try applied.define(all: edits)
        #expect(changes.sorted { $0.name < $1.name } == appliedChanges.sorted { $0.name < $1.name })
        #expect(model.cellsInOrder == (try makeModel(funnel)).cellsInOrder)
        for change in changes { #expect(change.new == applied.value(of: change.name)) }
    }

    @Test func reportsTheEditsThatWouldCloseACycle() throws {
        let model = try makeModel(funnel)
        let result = WhatIfPreview.preview(model, edits: [try definition("leads = revenue / 100")])
        #expect(result == .failure(.cycle(["leads", "revenue", "wins", "opportunities", "leads"]))
                || result == .failure(.cycle(["leads", "opportunities", "wins", "revenue", "leads"])))
        #expect(model.value(of: "leads") == .number(150))
    }
}
