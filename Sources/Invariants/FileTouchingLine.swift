/// Recognizes the input lines that read or write files (`:load`, `:save`, `:save!`, `:export … PATH`,
/// `:table … > PATH`, `:actuals import PATH`) or start another program (`:edit`), which generated
/// input must not run: a fuzzer would otherwise write or read wherever its bytes point. What
/// saving would write is checked in memory instead.
enum FileTouchingLine {
    static func contains(_ line: String) -> Bool {
        let content = line.drop { $0 == " " || $0 == "\t" }
        guard content.first == ":" else { return false }
        let words = content.dropFirst().split { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let name = words.first else { return false }
        switch name {
        case "load", "save", "save!", "edit": return true
        case "actuals": return words.count > 1 && words[1] == "import"
        case "export": return words.count > 2
        case "table": return content.contains(">")
        default: return false
        }
    }
}
