import Formula
import Testing
@testable import Shell

@Suite(":compare: base and scenarios side by side")
struct CompareCommandTests {
    @Test("the lead indicators the scenarios change on top, then every lag indicator, each with the change against base; goals after")
    func allScenarios() {
        #expect(planSession().handle(":compare").output == [
            "                     base  optimistic           pessimistic",
            "leads                 120         120       0%          100  -16.67%",
            "conversion            15%         20%  +33.33%          12%     -20%",
            "win_rate              33%         40%  +21.21%          25%  -24.24%",
            "",
            "opportunities          18          24  +33.33%           12  -33.33%",
            "wins                 5.94         9.6  +61.62%            3  -49.49%",
            "revenue           $14,256     $23,040  +61.62%       $7,200  -49.49%",
            "annual_value     $171,072    $276,480  +61.62%      $86,400  -49.49%",
            "",
            "goals",
            "revenue >= $50k    missed      missed                missed",
        ])
    }

    @Test("the values agree with each scenario applied to the base model, and the deltas with the reactive display's")
    func valuesAgree() throws {
        let session = planSession()
        let rows = session.handle(":compare pessimistic").output.dropFirst().prefix(8).filter { !$0.isEmpty }
        let pessimistic = try session.workbook.model(applying: "pessimistic")
        for row in rows {
            let cells = row.split(separator: " ").map(String.init)
            let name = cells[0]
            #expect(cells[1] == shown(name, in: session))
            #expect(cells[2] == ValueFormatter.display(pessimistic.value(of: name), format: pessimistic.format(of: name)))
            #expect(cells[3] == ValueFormatter.relativeChange(from: session.model.value(of: name), to: pessimistic.value(of: name)))
        }
    }

    @Test("a base value of 0 gets an absolute change; a value that did not move, 0%")
    func absoluteChange() {
        let session = planSession("""
            extra = 0
            base_fee = $100
            bonus = extra * $50
            fee = base_fee * 1

            [scenario more]
            extra = 4

            """)
        // base_fee is a lead indicator no scenario changes: it is not listed.
        #expect(session.handle(":compare").output == [
            "       base  more",
            "extra     0     4     +4",
            "",
            "bonus    $0  $200  +$200",
            "fee    $100  $100     0%",
        ])
    }

    @Test("names choose and order the scenarios; an unknown one is an error")
    func chosen() {
        let session = planSession()
        #expect(session.handle(":compare pessimistic optimistic").output.first
                == "                     base  pessimistic           optimistic")
        #expect(session.handle(":compare nope").errors == ["error: no scenario named 'nope' (scenarios: optimistic, pessimistic)"])
        #expect(makeSession().handle(":compare").output == ["no scenarios to compare yet (:scenario new NAME records one)"])
    }

    @Test("on a 40-column terminal every line fits, names are abbreviated and no number is cut")
    func fortyColumns() {
        let session = planSession()
        session.width = 40
        let lines = session.handle(":compare").output
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        for line in lines where line.contains("…") {
            // Only the name at the start of a row is abbreviated.
            let words = line.split(separator: " ")
            #expect(words.dropFirst().allSatisfy { !$0.contains("…") }, "\(line)")
        }
        // The goal moves under the table whole, its states named.
        #expect(Array(lines.suffix(4)) == [
            "goals", "revenue >= $50k", "  base missed · optimistic missed ·", "  pessimistic missed",
        ])
        let wide = planSession().handle(":compare").output
        let numbers = Set(wide.flatMap { $0.split(separator: " ").dropFirst() }.filter { $0.contains(where: \.isNumber) })
        let shown = Set(lines.flatMap { $0.split(separator: " ").dropFirst() })
        #expect(numbers.isSubset(of: shown), "\(numbers.subtracting(shown))")
    }

    @Test("a comparison wider than the terminal is printed in blocks of scenarios")
    func fitsTheWidth() {
        let session = planSession()
        session.width = 44
        let lines = session.handle(":compare").output
        #expect(lines.allSatisfy { $0.count <= 44 }, "\(lines)")
        #expect(lines.filter { $0.hasSuffix("optimistic") || $0.hasSuffix("pessimistic") }.count == 2)
    }
}
