/// What one Tab press does to the line, decided apart from libedit so the rules can be tested.
///
/// One candidate replaces the word. Several replace it with their longest common prefix when
/// that adds something, and are listed when it does not. None is a beep.
enum CompletionStep: Equatable {
    /// Replace `word`, the text just before the cursor, with `replacement`.
    case replace(word: String, with: String)
    /// Nothing more can be inserted: show these candidates.
    case list([String])
    /// The word is already the only candidate.
    case unchanged
    /// No candidate at all.
    case noCandidates

    static func plan(for request: CompletionRequest, result: CompletionResult) -> CompletionStep {
        let candidates = distinct(result.candidates)
        let word = wordBeforeCursor(in: request, from: result.replaceFrom)
        guard let first = candidates.first else { return .noCandidates }
        if candidates.count == 1 {
            return first == word ? .unchanged : .replace(word: word, with: first)
        }
        let prefix = longestCommonPrefix(candidates)
        if prefix.count > word.count {
            return .replace(word: word, with: prefix)
        }
        return .list(candidates)
    }

    /// The text from `start` up to the cursor, with both clamped to the line so a provider's
    /// out-of-range index cannot reach past it.
    private static func wordBeforeCursor(in request: CompletionRequest, from start: Int) -> String {
        let line = request.line
        let cursor = line.index(line.startIndex, offsetBy: max(0, request.cursor), limitedBy: line.endIndex)
            ?? line.endIndex
        let wordStart = line.index(line.startIndex, offsetBy: max(0, start), limitedBy: cursor) ?? cursor
        return String(line[wordStart..<cursor])
    }

    private static func distinct(_ candidates: [String]) -> [String] {
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }
}
