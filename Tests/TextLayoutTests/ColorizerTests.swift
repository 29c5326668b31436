import Testing
import TextLayout

@Suite struct ColorizerTests {
    static let policies: [(Bool, [String: String], Bool)] = [
        (true, ["TERM": "xterm-256color"], true),
        (true, [:], true),
        (false, ["TERM": "xterm-256color"], false),
        (true, ["TERM": "xterm-256color", "NO_COLOR": "1"], false),
        (true, ["TERM": "xterm-256color", "NO_COLOR": ""], false),
        (true, ["TERM": "xterm-256color", "NO_COLOR": "0"], false),
        (true, ["TERM": "dumb"], false),
        (false, ["NO_COLOR": "1", "TERM": "dumb"], false),
    ]

    @Test(arguments: policies)
    func colorsOnlyOnATerminalThatWantsThem(_ isTerminal: Bool, _ environment: [String: String], _ expected: Bool) {
        #expect(Colorizer.colorsBelong(isTerminal: isTerminal, environment: environment) == expected)
        #expect(Colorizer(isTerminal: isTerminal, environment: environment).isEnabled == expected)
    }

    static let styles: [(Style, String)] = [
        (.bold, "\u{1B}[1m"),
        (.dim, "\u{1B}[2m"),
        (.leadIndicator, "\u{1B}[34m"),
        (.lagIndicator, "\u{1B}[35m"),
        (.positive, "\u{1B}[32m"),
        (.negative, "\u{1B}[31m"),
        (.bold + .leadIndicator, "\u{1B}[1;34m"),
        (.bold + .bold, "\u{1B}[1m"),
    ]

    @Test(arguments: styles)
    func wrapsTextInTheStyleAndAReset(_ style: Style, _ opening: String) {
        #expect(Colorizer(isEnabled: true).apply(style, to: "wins") == opening + "wins\u{1B}[0m")
    }

    @Test(arguments: styles.map(\.0))
    func leavesTextAloneWhenColorsAreOff(_ style: Style) {
        #expect(Colorizer(isEnabled: false).apply(style, to: "wins") == "wins")
        #expect(Colorizer.plain.apply(style, to: "wins") == "wins")
    }

    @Test func doesNotStyleEmptyText() {
        #expect(Colorizer(isEnabled: true).apply(.bold, to: "") == "")
    }
}
