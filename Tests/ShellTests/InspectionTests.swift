import Testing
@testable import Shell

@Suite(":list, :show and :explain")
struct InspectionTests {
    @Test(":list shows lead indicators first, then lag indicators, each with value and formula")
    func list() {
        let reply = makeSession().handle(":list")
        #expect(reply.output == [
            "lead indicators",
            "leads              120  120",
            "conversion         15%  15%",
            "win_rate           33%  33%",
            "deal_value      $2,400  $2400",
            "",
            "lag indicators",
            "opportunities       18  leads * conversion",
            "wins              5.94  opportunities * win_rate",
            "revenue        $14,256  wins * deal_value",
        ])
    }

    @Test(":list on an empty model says how to start")
    func emptyList() {
        #expect(makeSession([]).handle(":list").output == ["no cells yet (define one: leads = 120)"])
    }

    @Test(":list fits the terminal by cutting long formulas, never values")
    func listFitsWidth() {
        let session = makeSession(["a = 1000000", "b = a + a + a + a + a + a + a + a + a + a + a + a + a + a + a"])
        session.width = 26
        let lines = session.handle(":list").output
        #expect(lines.allSatisfy { $0.count <= 26 })
        #expect(lines.contains { $0.contains("15,000,000") && $0.hasSuffix("…") })
    }

    @Test(":show gives value, formula, format, kind, uses and used by")
    func show() {
        let reply = makeSession().handle(":show wins")
        #expect(reply.output == [
            "wins",
            "  value    5.94",
            "  formula  opportunities * win_rate",
            "  format   number",
            "  kind     lag indicator (computed)",
            "  uses     opportunities, win_rate",
            "  used by  revenue",
        ])
    }

    @Test(":show marks a used name that is not defined")
    func showMissingUse() {
        let reply = makeSession(["total = price * 2"]).handle(":show total")
        #expect(reply.output.contains("  uses     price (not defined)"))
        #expect(reply.output.contains("  used by  nothing"))
    }

    @Test(":explain draws the derivation down to the lead indicators")
    func explain() {
        let reply = makeSession().handle(":explain revenue")
        #expect(reply.output == [
            "revenue              $14,256  wins * deal_value",
            "├─ wins                 5.94  opportunities * win_rate",
            "│  ├─ opportunities       18  leads * conversion",
            "│  │  ├─ leads           120  120",
            "│  │  └─ conversion      15%  15%",
            "│  └─ win_rate           33%  33%",
            "└─ deal_value         $2,400  $2400",
        ])
    }

    @Test(":explain draws a shared cell once and refers back to it")
    func explainShared() {
        let session = makeSession(["a = 1", "b = a * 2", "c = a + b", "d = b + c", "e = missing + 1"])
        #expect(session.handle(":explain d").output == [
            "d        5  b + c",
            "├─ b     2  a * 2",
            "│  └─ a  1  1",
            "└─ c     3  a + b",
            "   ├─ a  1  1",
            "   └─ b  2  (shown above)",
        ])
        #expect(session.handle(":explain e").output == [
            "e           #NAME?  missing + 1",
            "└─ missing  #NAME?  (not defined)",
        ])
    }

    @Test(":explain of a long chain neither recurses nor draws past the depth limit")
    func explainLongChain() {
        let session = makeSession(["c0 = 1"] + (1...300).map { "c\($0) = c\($0 - 1) + 1" })
        let lines = session.handle(":explain c300").output
        #expect(lines.count == DerivationTree.depthLimit + 2)
        #expect(lines.last?.contains("(deeper cells not shown)") == true)
        #expect(lines.first?.hasPrefix("c300 ") == true)
    }
}
