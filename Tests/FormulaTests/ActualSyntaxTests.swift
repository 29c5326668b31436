import Formula
import Testing

/// `actual NAME[PERIOD] = NUMBER`: one period, one number, each mistake located.
@Suite struct ActualSyntaxTests {
    @Test(arguments: [
        ("actual leads[2027-01] = 95", "actual leads[2027-01] = 95.0"),
        ("actual conversion[2027-02] = 12.5%", "actual conversion[2027-02] = 0.125"),
        ("actual deal_value[2027-03] = -$2400", "actual deal_value[2027-03] = -2400.0"),
        ("  actual  wins [ 2027-W05 ]  =  +4", "actual wins[2027-W05] = 4.0"),
    ])
    func accepted(line: String, expected: String) {
        #expect(parsed(line) == expected)
    }

    @Test(arguments: [
        ("actual leads[2027-01 .. 2027-02] = 95", "an actual is recorded for one period at a time, as in actual leads[2027-01] = 95", 14),
        ("actual leads[2027-01] = leads * 2", "an actual is a number, as in actual leads[2027-01] = 95", 25),
        ("actual leads[2027-01] =", "expected the value after '=', as in actual leads[2027-01] = 95", 24),
        ("actual leads = 95", "expected '[' and a period after leads, as in actual leads[2027-01] = 95", 14),
        ("actual if[2027-01] = 95", "'if' is a reserved word and cannot name a cell", 8),
    ])
    func refused(line: String, message: String, column: Int) {
        #expect(parsed(line).hasPrefix("input:1:\(column): error: \(message)"))
    }
}
