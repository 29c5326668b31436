import Foundation
import Testing

/// Numbers leave the binary at 15 significant digits, as a spreadsheet keeps them: what
/// `:assert` holds, a CI check on the JSON holds too, and no screen shows binary noise.
@Suite("15-digit output")
struct FifteenDigitOutputTests {
    @Test func exportsAndScreensAgreeWithAssertions() throws {
        let script = """
            price = $2400
            wins = 5.94
            revenue = wins * price
            big = 1e14 * 1.1
            floored = floor((0.1 + 0.7) * 10)
            rounded = round(12345678901234.45)
            same = 5.899796794817664 == 5.89979679481766
            :assert revenue == 14256
            :export json
            :export csv
            :list
            """
        let outcome = try Leadlag.run([], input: script)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains("\"revenue\": 14256,\n"))
        #expect(outcome.output.contains("\"big\": 110000000000000,\n"))
        #expect(outcome.output.contains("\"floored\": 8,\n"))
        #expect(outcome.output.contains("\"rounded\": 12345678901234,\n"))
        #expect(outcome.output.contains("\"same\": true\n"))
        #expect(outcome.output.contains("\nrevenue,14256\n"))
        #expect(outcome.output.contains("110,000,000,000,000"))
        #expect(!outcome.output.contains("110,000,000,000,000.02"))
        #expect(!outcome.output.contains("14256.000000000002"))
    }
}
