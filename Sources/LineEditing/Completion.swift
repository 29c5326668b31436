/// The line and cursor a completion is asked for, so the provider needs no knowledge of libedit.
public struct CompletionRequest: Sendable, Equatable {
    /// The whole input line.
    public let line: String
    /// Cursor position, in characters from the start of `line`.
    public let cursor: Int

    public init(line: String, cursor: Int) {
        self.line = line
        self.cursor = cursor
    }
}

/// The words that could replace the word under the cursor.
public struct CompletionResult: Sendable, Equatable {
    /// Character index in the line where the word being completed starts.
    public var replaceFrom: Int
    /// Full replacement words (not just the missing suffixes), in the order they should be listed.
    public var candidates: [String]

    public init(replaceFrom: Int, candidates: [String]) {
        self.replaceFrom = replaceFrom
        self.candidates = candidates
    }
}

/// Supplies completion candidates; the REPL passes one that knows cells, commands and files.
public typealias CompletionProvider = (CompletionRequest) -> CompletionResult
