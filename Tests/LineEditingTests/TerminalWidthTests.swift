import Testing
@testable import LineEditing

struct TerminalWidthTests {
    @Test(arguments: [
        (132, "50", 132),
        (nil, "50", 50),
        (0, " 72 ", 72),
        (nil, nil, 80),
        (nil, "wide", 80),
        (nil, "-5", 80),
        (nil, "0", 80),
    ] as [(Int?, String?, Int)])
    func width(measured: Int?, columnsVariable: String?, expected: Int) {
        #expect(Terminal.width(measured: measured, columnsVariable: columnsVariable) == expected)
    }
}
