import Testing
@testable import Shell

@Suite(":simulate and its readings")
struct SimulateCommandTests {
    static let uncertain = [
        "leads = normal(120, 20)", "conversion = 10% to 20%", "win_rate = 25% to 40%", "deal_value = $2400",
        "opportunities = leads * conversion", "wins = opportunities * win_rate", "revenue = wins * deal_value",
        "goal revenue >= 12k",
    ]

    @Test("reports mean and percentiles of each lag indicator in its format, and each goal's chance")
    func summary() {
        let reply = makeSession(Self.uncertain).handle(":simulate 2000 seed 5")
        #expect(!reply.failed, "\(reply.text)")
        let lines = reply.output
        #expect(lines.first == "2,000 trials, seed 5; ranges leads, conversion, win_rate")
        #expect(lines[1].split(separator: " ") == ["mean", "P10", "P50", "P90"], "\(lines)")
        #expect(lines.contains { $0.hasPrefix("opportunities") })
        #expect(lines.contains { $0.hasPrefix("revenue") && $0.contains("$") })
        #expect(!lines.contains { $0.hasPrefix("leads ") }, "lead indicators are not summarised unless named")
        #expect(lines.contains { $0.hasPrefix("revenue >= 12k") && $0.hasSuffix("%") })
    }

    @Test("the same seed prints the same numbers; another seed others")
    func reproducible() {
        let first = makeSession(Self.uncertain).handle(":simulate 3000 seed 11 revenue").output
        let second = makeSession(Self.uncertain).handle(":simulate 3000 seed 11 revenue").output
        let other = makeSession(Self.uncertain).handle(":simulate 3000 seed 12 revenue").output
        #expect(first == second)
        #expect(first != other)
    }

    @Test("a named cell gets a histogram whose shares add up to the trials")
    func histogram() {
        let lines = makeSession(Self.uncertain).handle(":simulate 5000 seed 2 revenue").output
        guard let start = lines.lastIndex(of: "revenue") else {
            Issue.record("no histogram: \(lines)")
            return
        }
        let bins = lines[(start + 1)...]
        #expect(bins.count == 10)
        #expect(bins.first?.contains("below $") == true)
        #expect(bins.last?.contains("and up") == true)
        let shares = bins.compactMap { line in Double(line.split(separator: " ").last?.dropLast() ?? "") }
        #expect(abs(shares.reduce(0, +) - 100) < 0.6, "\(shares)")
    }

    @Test("usage errors say what is wrong", arguments: [
        (":simulate", "simulate wants a number of trials, as in :simulate 10000"),
        (":simulate ten", "the number of trials must be a whole number above zero, not ten"),
        (":simulate 100 seed", "seed wants a whole number, as in seed 1"),
        (":simulate 100 seed 1 revnue", "error: no cell named 'revnue' (did you mean revenue?)"),
    ])
    func usage(line: String, message: String) {
        let reply = makeSession(Self.uncertain).handle(line)
        #expect(reply.failed)
        #expect(reply.errors.first == message, "\(reply.errors)")
    }

    @Test("Ctrl-C stops it, and nothing is kept to read")
    func stops() {
        let session = makeSession(Self.uncertain)
        session.shouldStop = { true }
        let reply = session.handle(":simulate 100000 seed 1")
        #expect(reply.errors == ["error: stopped (Ctrl-C) before the trials were done: nothing to show"])
        #expect(session.handle(":assert p10(revenue) > 0").errors.first?.contains("no simulation to read yet") == true)
    }

    @Test(":assert reads the last simulation's percentiles and chances")
    func assertReadings() {
        let session = makeSession(Self.uncertain)
        _ = session.handle(":simulate 4000 seed 3")
        let p10 = session.handle("p10(revenue)").output.first ?? ""
        let p90 = session.handle("p90(revenue)").output.first ?? ""
        #expect(p10.hasPrefix("$") && p90.hasPrefix("$"))
        #expect(session.handle(":assert p10(revenue) < p90(revenue)").assertionPassed)
        let goalChance = session.handle("chance(revenue >= 12k)").output.first
        #expect(goalChance == session.handle("chance(revenue>=12000)").output.first)
        #expect(session.handle(":assert chance(revenue >= 0) == 1").assertionPassed)
        let failed = session.handle(":assert chance(revenue >= 1M) >= 50%")
        #expect(failed.failed)
        #expect(failed.errors.first?.contains("chance(revenue >= 1M) = 0%") == true, "\(failed.errors)")
        #expect(session.handle("p50(leads)").errors.first?.contains("leads was not in the last simulation") == true)
    }

    @Test("readings refuse a simulation the model has changed since")
    func staleReadings() {
        let session = makeSession(Self.uncertain)
        _ = session.handle(":simulate 1000 seed 3")
        _ = session.handle("deal_value = $2500")
        let reply = session.handle(":assert p10(revenue) > 0")
        #expect(reply.failed)
        #expect(reply.errors.first?.contains("the model changed since the last :simulate: run it again") == true)
    }
}

@Suite(":drivers")
struct DriversCommandTests {
    @Test("a tornado chart, largest swing first, labels in the cells' formats")
    func tornado() {
        let lines = makeSession(SimulateCommandTests.uncertain).handle(":drivers revenue").output
        #expect(lines.first == "revenue = $13,303.94 with every lead indicator at its mean", "\(lines)")
        let rows = lines.dropFirst(2)
        #expect(rows.map { String($0.prefix { $0 != " " }) } == ["conversion", "leads", "win_rate", "deal_value"], "\(lines)")
        #expect(rows.first?.contains("10.8% → 18.53%") == true)
        #expect(rows.last?.contains("$2,160 → $2,640 (±10%)") == true)
        #expect(rows.allSatisfy { $0.contains("│") && $0.contains("█") })
    }

    @Test("an unknown target is named with a suggestion")
    func unknownTarget() {
        let reply = makeSession(SimulateCommandTests.uncertain).handle(":drivers revnue")
        #expect(reply.errors == ["error: no cell named 'revnue' (did you mean revenue?)"])
    }
}

@Suite(":simulate size limit")
struct SimulateSizeTests {
    @Test("more trial values than a run keeps is refused before anything runs")
    func tooManyValues() {
        let session = makeSession(SimulateCommandTests.uncertain)
        let reply = session.handle(":simulate 9000000 seed 1 leads conversion win_rate deal_value opportunities wins")
        #expect(reply.errors == [
            "error: 9000000 trials of 6 cells are more values than one run keeps (at most 50 million): "
                + "run fewer trials or name the cells to summarise",
        ])
    }
}
