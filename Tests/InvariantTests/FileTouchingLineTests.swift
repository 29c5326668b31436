import Testing
@testable import Invariants

/// The session fuzzer skips exactly the lines that would reach the file system or start a program.
@Suite("lines that touch files are recognized")
struct FileTouchingLineTests {
    @Test(arguments: [
        (":load m.model", true), ("  :save", true), (":save! x", true), (":edit", true),
        (":export json out.json", true), (":export json", false),
        (":table revenue by leads 1..2 > t.csv", true), (":table revenue by leads 1..2", false),
        (":actuals import q1.csv", true), (":actuals\timport q1.csv", true),
        (":actuals", false), (":actuals clear leads[2027-01]", false),
        ("leads = 3", false), ("import = 2", false),
    ])
    func recognizes(line: String, touches: Bool) {
        #expect(FileTouchingLine.contains(line) == touches)
    }
}
