import Testing
@testable import Shell

@Suite("Pasted input: a prompt in front of the line, and numbers written with a decimal comma")
struct PastingTests {
    @Test("a line that starts with the prompt runs as the text after it", arguments: [
        "leadlag> leads = 150", "  leadlag> leads = 150", "leadlag[optimistic]> leads = 150",
    ])
    func promptIsDropped(line: String) {
        let session = makeSession()
        let reply = session.handle(line)
        #expect(!reply.failed)
        #expect(session.model["leads"]?.formula == "150")
        #expect(reply.output.first?.hasPrefix("leads") == true)
    }

    @Test("a pasted command or expression runs too")
    func pastedCommand() {
        let session = makeSession()
        #expect(session.handle("leadlag> wins * 2").output == ["11.88"])
        #expect(session.handle("leadlag> :show leads").output.first == "leads")
    }

    @Test("with a cell named leadlag, `leadlag> 5` is the comparison it reads as")
    func cellNamedLeadlag() {
        let session = makeSession(["leadlag = 7"])
        #expect(session.handle("leadlag> 5").output == ["true"])
    }

    @Test("a decimal comma gets the hint to use a point", arguments: [
        ("leads = 1,5", "use '.' for decimals: write 1.5"),
        ("win_rate = 12,5%", "use '.' for decimals: write 12.5%"),
        ("deal_value = $2,75", "use '.' for decimals: write $2.75"),
        ("deal_value = $2,400", "thousands separators are not allowed in numbers: write $2400"),
    ])
    func decimalComma(line: String, message: String) {
        let session = makeSession()
        let before = session.workbook.render()
        let reply = session.handle(line)
        #expect(reply.failed)
        #expect(reply.errors.first?.hasSuffix("error: " + message) == true, "\(reply.errors)")
        #expect(session.workbook.render() == before)
    }
}
