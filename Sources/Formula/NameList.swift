/// A list of cell names for a message, kept to one readable line however many there are:
/// `a, b, c and 9,997 more` instead of a line of ten thousand names.
///
/// Every message that names the cells using another (`used by …`) goes through it.
public enum NameList {
    /// How many names a message shows before counting the rest.
    public static let shownNames = 5

    /// `a`, `a, b`, … up to ``shownNames`` names, then `a, b, c, d, e and 9,995 more`.
    public static func text(_ names: [String]) -> String {
        guard names.count > shownNames else { return names.joined(separator: ", ") }
        let hidden = names.count - shownNames
        return names.prefix(shownNames).joined(separator: ", ") + " and \(groupedThousands(hidden)) more"
    }

    /// `9,995`: a count people read at a glance.
    private static func groupedThousands(_ count: Int) -> String {
        var text = ""
        for (index, digit) in String(count).reversed().enumerated() {
            if index > 0 && index % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return String(text.reversed())
    }
}
