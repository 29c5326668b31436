/// A look for terminal text, as the parameters of an ANSI SGR escape (`ESC [ 1;34 m`).
///
/// The palette is named for what the color means, so every listing colors
/// lead indicators, lag indicators and good or bad news the same way.
/// Combine looks with `+`: `.bold + .leadIndicator`.
public struct Style: Sendable, Hashable {
    let parameters: [Int]

    private init(_ parameters: [Int]) {
        self.parameters = parameters
    }

    public static let bold = Style([1])
    public static let dim = Style([2])
    /// Blue: the inputs a person changes, like the blue boxes of a spreadsheet plan.
    public static let leadIndicator = Style([34])
    /// Magenta: values computed from the inputs.
    public static let lagIndicator = Style([35])
    /// Green: a goal met, a change for the better.
    public static let positive = Style([32])
    /// Red: a goal missed, a change for the worse.
    public static let negative = Style([31])

    public static func + (lhs: Style, rhs: Style) -> Style {
        Style(lhs.parameters + rhs.parameters.filter { !lhs.parameters.contains($0) })
    }
}
