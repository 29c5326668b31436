import Testing
@testable import Shell

@Suite("Goals: recording, :goals, and flips announced after an edit")
struct GoalTests {
    @Test("a goal line records the goal and says where it stands")
    func record() {
        let reply = makeSession().handle("goal revenue >= 15k")
        #expect(reply.output == ["goal revenue >= 15k: missed ($14,256, short by $744)"])
        #expect(!reply.failed)
    }

    @Test(":goals lists each goal with value, status and gap", arguments: [
        ("goal revenue >= 15k", "revenue >= 15k   $14,256  missed  short by $744"),
        ("goal revenue > 10k", "revenue > 10k    $14,256  met     ahead by $4,256"),
        ("goal win_rate <= 30%", "win_rate <= 30%      33%  missed  over by 3%"),
        ("goal leads < 200", "leads < 200          120  met     under by 80"),
        ("goal leads == 120", "leads == 120         120  met     on target"),
        ("goal leads == 100", "leads == 100         120  missed  off by 20"),
    ])
    func goalsTable(goal: String, row: String) {
        let session = makeSession()
        _ = session.handle(goal)
        let lines = session.handle(":goals").output
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("goal") == true)
        #expect(lines.last?.split(separator: " ", omittingEmptySubsequences: true)
                == row.split(separator: " ", omittingEmptySubsequences: true))
    }

    @Test(":goals on a 40-column terminal puts each goal above its numbers, cutting neither")
    func narrow() {
        let session = makeSession()
        _ = session.handle("goal revenue >= 50k")
        _ = session.handle("goal revenue + wins * deal_value + opportunities * 1000 >= 100k")
        session.width = 40
        #expect(session.handle(":goals").output == [
            "revenue >= 50k",
            "  $14,256 · missed · short by $35,744",
            "revenue + wins * deal_value +",
            "    opportunities * 1000 >= 100k",
            "  $46,512 · missed · short by $53,488",
        ])
        session.width = 120
        #expect(session.handle(":goals").output.count == 3)
    }

    @Test(":goals without goals says how to add one")
    func noGoals() {
        #expect(makeSession().handle(":goals").output == ["no goals yet (add one: goal revenue >= 50k)"])
    }

    @Test("an edit that meets or misses a goal announces it")
    func flips() {
        let session = makeSession()
        _ = session.handle("goal revenue >= 15k")
        let met = session.handle("leads = 150")
        #expect(met.output.last == "goal revenue >= 15k: now met ($17,820, ahead by $2,820)")
        let unchanged = session.handle("leads = 160")
        #expect(!unchanged.output.contains { $0.hasPrefix("goal ") })
        let missed = session.handle(":undo")
        #expect(!missed.output.contains { $0.hasPrefix("goal ") })
        let back = session.handle(":undo")
        #expect(back.output.last == "goal revenue >= 15k: now missed ($14,256, short by $744)")
    }

    @Test("a goal on an error value is missed and shows the error")
    func goalOnError() {
        let session = makeSession(["ratio = 1 / 0"])
        #expect(session.handle("goal ratio > 1").output == ["goal ratio > 1: missed (#DIV/0!)"])
    }
}
