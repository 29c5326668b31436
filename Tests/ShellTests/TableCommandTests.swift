import Foundation
import Formula
import Testing
import WhatIf
@testable import Shell

@Suite(":table: one- and two-way sensitivity tables")
struct TableCommandTests {
    /// The cells of a table line without the brackets that mark the current values.
    private func cells(_ line: String) -> [String] {
        line.split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }
    }

    @Test("a one-way table shows the target, value by value, as defining the input would")
    func oneWay() {
        let session = planSession()
        let lines = session.handle(":table revenue by leads 80..160 step 20").output
        #expect(lines.first == "leads    revenue")
        let rows = lines.dropFirst().prefix(5).map(cells)
        #expect(rows.map { $0[0] } == ["80", "100", "120", "140", "160"])
        for row in rows {
            let expected = directValue(of: "revenue", after: ["leads = \(row[0])"])
            #expect(row[1] == ValueFormatter.display(expected, format: .currency(.dollar)), "leads = \(row[0])")
        }
        #expect(lines.count == 7)
    }

    @Test("the current value is bracketed and explained under the table")
    func marksTheBase() {
        let lines = planSession().handle(":table revenue by leads 80..160 step 20").output
        #expect(lines.contains(" [120]  [$14,256]"))
        #expect(lines.contains("  100    $11,880"))
        #expect(lines.last == "[ ] marks the current value: leads = 120")
        let missing = planSession().handle(":table revenue by leads 50..70 step 10").output
        #expect(!missing.contains { $0.contains("[") && !$0.hasPrefix("[ ]") })
        #expect(missing.last == "leads = 120 now: not in the table")
    }

    @Test("a two-way table has the first input down the rows and the second across, each value as direct evaluation gives it")
    func twoWay() throws {
        let session = planSession()
        let lines = session.handle(":table revenue by win_rate 25%..40% step 5%, conversion 10%..20% step 2.5%").output
        #expect(lines.first == "revenue by win_rate (rows) and conversion (columns)")
        let header = cells(lines[1])
        #expect(header == ["win_rate", "\\", "conversion", "10%", "12.5%", "15%", "17.5%", "20%"])
        let rows = lines[2..<6].map(cells)
        #expect(rows.map { $0[0] } == ["25%", "30%", "35%", "40%"])
        for row in rows {
            for (index, conversion) in header.dropFirst(3).enumerated() {
                let expected = directValue(of: "revenue", after: ["win_rate = \(row[0])", "conversion = \(conversion)"])
                #expect(row[index + 1] == ValueFormatter.display(expected, format: .currency(.dollar)))
            }
        }
        #expect(lines[1].contains("[15%]"))
        #expect(lines.last == "[ ] marks the current value: conversion = 15% (win_rate = 33% now: not in the table)")
    }

    @Test("the current point of a two-way table is bracketed where its row and column meet")
    func marksTheBasePoint() {
        let lines = planSession().handle(":table revenue by leads 100..140 step 20, win_rate 33%..43% step 10%").output
        #expect(lines.contains { $0.hasSuffix("[120]  [$14,256]   $18,576") })
        #expect(lines.last == "[ ] marks the current values: leads = 120, win_rate = 33%")
    }

    @Test("a table too wide for the terminal is printed in blocks of columns, every line within the width")
    func fitsTheWidth() {
        let session = planSession()
        session.width = 44
        let lines = session.handle(":table revenue by leads 100..200 step 50, deal_value $1k..$5k step $1k").output
        // The title above and the note below are prose, which the terminal wraps; the grid must fit.
        let grid = lines.dropFirst().dropLast()
        #expect(grid.allSatisfy { $0.count <= 44 }, "\(lines)")
        let headers = lines.filter { $0.hasPrefix("leads \\ deal_value") }
        #expect(headers.count >= 2)
        let shown = Set(headers.flatMap { cells($0).dropFirst(3) })
        #expect(shown == ["$1,000", "$2,000", "$3,000", "$4,000", "$5,000"])
        #expect(lines.filter { cells($0).first == "150" }.count == headers.count)
    }

    @Test("> PATH writes the table as CSV at full precision, atomically, and says so")
    func csv() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("revenue.csv").path
        let session = planSession()
        let reply = session.handle(":table revenue by win_rate 30%..40% step 5%, leads 100..120 step 10 > \(path)")
        #expect(reply.output == ["wrote \(path): revenue for 3 × 3 values of win_rate and leads"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(lines.first == ["win_rate\\leads", "100", "110", "120"])
        #expect(lines.dropFirst().map { $0[0] } == ["0.3", "0.35", "0.4"])
        for line in lines.dropFirst() {
            for (index, leads) in lines[0].dropFirst().enumerated() {
                let percent = (Double(line[0]) ?? 0) * 100
                let expected = directValue(of: "revenue", after: ["win_rate = \(percent)%", "leads = \(leads)"])
                #expect(line[index + 1] == ValueFormatter.machine(expected))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["revenue.csv"])
    }

    @Test("> PATH with another extension than .csv is refused and writes nothing", arguments: ["out.json", "out.xlsx", "out"])
    func notCSV(name: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        let reply = planSession().handle(":table revenue by leads 100..120 step 10 > \(path)")
        #expect(reply.failed)
        #expect(reply.errors.first == "a table is written as CSV: name the file PATH.csv, not \(path)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a table that cannot be made prints one message and nothing else", arguments: [
        (":table revenue by leads 1..2 step 0", "<input>:1:19: error: the step must not be 0"),
        (":table revenue by leads 5..1 step 1", "<input>:1:19: error: a step of 1 never gets from 5 to 1"),
        (":table revenue by leeds 1..2 step 1", "<input>:1:19: error: no cell named 'leeds' (did you mean leads?)"),
        (":table revenu by leads 1..2 step 1", "<input>:1:8: error: no cell named 'revenu' (did you mean revenue?)"),
        (":table revenue by leads 1..2 step 1/0", "<input>:1:35: error: the step must be a number; 1/0 is #DIV/0!"),
        (":table revenue by wins 1..2 step 1",
         "error: 'wins' is a lag indicator (its formula uses other cells); pick a lead indicator"),
        (":table revenue by leads 1..2 step 1, leads 1..2 step 1",
         "error: 'leads' is on both axes; a two-way table needs two different inputs"),
        (":table revenue by leads 1..100000 step 1", "<input>:1:19: error: that range has more than 10000 points; use a larger step"),
    ])
    func errors(line: String, message: String) {
        let session = planSession()
        let reply = session.handle(line)
        #expect(reply.failed)
        #expect(reply.output.isEmpty)
        #expect(reply.errors.first == message)
    }

    @Test("a target that does not depend on an input is shown with a warning")
    func independentInput() {
        let reply = planSession().handle(":table leads by win_rate 30%..40% step 10%")
        #expect(reply.errors == ["warning: leads does not depend on win_rate: it is the same for every value of it"])
        #expect(reply.output.dropFirst().prefix(2).map(cells) == [["30%", "120"], ["40%", "120"]])
    }

    @Test("while a scenario is shown, the table is of the scenario")
    func inScenario() {
        let session = planSession()
        _ = session.handle(":scenario use optimistic")
        let lines = session.handle(":table revenue by leads 120..120 step 1").output
        #expect(lines.dropFirst().first == " [120]  [$23,040]")
    }
}

@Suite(":table stopped by Ctrl-C")
struct TableInterruptTests {
    @Test("a stopped table says so and changes nothing")
    func stoppedTableChangesNothing() {
        let session = planSession()
        let before = allValues(session)
        session.shouldStop = { true }
        let reply = session.handle(":table revenue by leads 100..200 step 10")
        #expect(reply.failed)
        #expect(reply.errors == ["error: stopped (Ctrl-C): nothing was changed"])
        #expect(allValues(session) == before)
    }
}
