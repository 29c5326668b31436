/// What one Tab press does to the line, decided apart from libedit so the rules can be tested.
///
/// One candidate replaces the word and adds a space, so the next word can be typed at once
/// (not after a folder's `/` or a function's `(`, where more follows, nor before a space
/// already there). Several replace it with their longest common prefix when
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
            let morePending = first.hasSuffix("/") || first.hasSuffix("(") || textAfterCursor(in: request).hasPrefix(" ")
            let completed = morePending ? first : first + " "
            return completed == word ? .unchanged : .replace(word: word, with: completed)
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

    private static func textAfterCursor(in request: CompletionRequest) -> Substring {
        request.line.dropFirst(max(0, request.cursor))
    }

    private static func distinct(_ candidates: [String]) -> [String] {
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }
}
