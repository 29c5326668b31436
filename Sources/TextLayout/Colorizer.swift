/// Applies `Style`s to text only when color belongs in the output.
///
/// Whether it does is decided once, from where the output goes, so the code that
/// builds listings never asks; with colors off it returns text unchanged, which is
/// what scripts, pipes and files must get.
public struct Colorizer: Sendable {
    public let isEnabled: Bool

    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// Colors on a terminal unless the environment asks for none.
    public init(isTerminal: Bool, environment: [String: String]) {
        self.init(isEnabled: Colorizer.colorsBelong(isTerminal: isTerminal, environment: environment))
    }

    /// A colorizer that never colors.
    public static let plain = Colorizer(isEnabled: false)

    /// Colors belong only on a terminal that can show them: never when output is not a
    /// terminal, when `TERM` is `dumb`, or when `NO_COLOR` is set to any value. no-color.org
    /// asks only that a non-empty value turn colors off; an empty one is still somebody
    /// asking for none, so it does too.
    public static func colorsBelong(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// `text` wrapped in the escapes for `style` and a reset, or unchanged when colors are off.
    public func apply(_ style: Style, to text: String) -> String {
        guard isEnabled, !text.isEmpty else { return text }
        let codes = style.parameters.map(String.init).joined(separator: ";")
        return "\u{1B}[\(codes)m\(text)\u{1B}[0m"
    }
}
