import CEditLine
import Foundation

/// Reads lines from a terminal with libedit: emacs-style editing, persistent history, Tab
/// completion through a `CompletionProvider`, and Ctrl-C that cancels only the current line.
///
/// libedit reaches back into this object through `EL_CLIENTDATA` (an unretained pointer, valid
/// because the editor is destroyed in `deinit`), so no global state is involved.
public final class EditLineReader: LineReader {
    /// Entries kept in memory and in the history file.
    public static let historySize: Int32 = 1000

    private static let completionFunctionName = "complete-word"

    /// Nil only if libedit could not allocate its state; lines are then read plainly.
    private let editor: OpaquePointer?
    private let history: OpaquePointer?
    private let historyPath: String?
    private let completion: CompletionProvider
    private lazy var plainFallback = PlainLineReader()
    /// The text libedit shows, owned here because the prompt callback hands out a pointer.
    private var promptText: UnsafeMutablePointer<CChar>?
    private var promptSource: String?

    public var isInteractive: Bool { editor != nil }

    /// - Parameter historyPath: file for persistent history, loaded now and saved after each
    ///   entered line; nil keeps history for this session only.
    public init(programName: String, historyPath: String?, completion: @escaping CompletionProvider) {
        CharacterLocale.adoptUserEncoding()
        self.historyPath = historyPath
        self.completion = completion
        let history = history_init()
        let editor = history == nil ? nil : cel_init(programName)
        if editor == nil, let history { history_end(history) }
        self.editor = editor
        self.history = editor == nil ? nil : history
        if let editor, let history { configure(editor, history: history) }
    }

    deinit {
        if let editor { el_end(editor) }
        if let history { history_end(history) }
        free(promptText)
    }

    public func readLine(prompt: String) -> LineEvent {
        guard let editor else { return plainFallback.readLine(prompt: prompt) }
        show(prompt: prompt)
        let interrupts = InterruptCatcher()
        while true {
            var count: Int32 = 0
            if let text = el_gets(editor, &count) {
                return .line(Self.withoutNewline(String(cString: text)))
            }
            guard count == -1 else {
                // libedit has echoed "^D"; end that line so the caller's output starts clean.
                cel_write(editor, "\n")
                return .endOfInput
            }
            if interrupts.takeInterrupt() {
                cel_write(editor, "^C\n")
                return .interrupted
            }
            // Another signal broke the read; anything else means the terminal is gone.
            if errno != EINTR { return .endOfInput }
        }
    }

    public func addToHistory(_ line: String) {
        guard let history, !line.allSatisfy(\.isWhitespace) else { return }
        _ = cel_history_enter(history, line)
        // Saved at once so that a crash loses nothing.
        if let historyPath { _ = cel_history_save(history, historyPath) }
    }

    private func configure(_ editor: OpaquePointer, history: OpaquePointer) {
        _ = cel_history_set_size(history, Self.historySize)
        _ = cel_history_set_unique(history, 1)
        if let historyPath { _ = cel_history_load(history, historyPath) }

        _ = cel_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
        _ = cel_set_editor(editor, "emacs")
        _ = cel_set_signal_handling(editor, 0)
        _ = cel_set_history(editor, history)
        _ = cel_set_prompt(editor, editLinePrompt, CChar(PromptMarking.marker.value))
        _ = cel_add_function(editor, Self.completionFunctionName, "Complete the word under the cursor", editLineComplete)
        _ = cel_bind(editor, "^I", Self.completionFunctionName)
        // libedit's emacs map leaves Ctrl-R as redisplay; readline users expect history search.
        _ = cel_bind(editor, "^R", "em-inc-search-prev")
    }

    private func show(prompt: String) {
        guard prompt != promptSource else { return }
        free(promptText)
        promptText = strdup(PromptMarking.mark(prompt))
        promptSource = prompt
    }

    fileprivate var currentPrompt: UnsafeMutablePointer<CChar> {
        promptText ?? cel_empty_prompt()
    }

    /// Applies one Tab press and tells libedit what to redraw.
    fileprivate func completeWordUnderCursor(in editor: OpaquePointer) -> Int32 {
        guard let info = el_line(editor)?.pointee, let buffer = info.buffer else { return CC_ERROR }
        let lineBytes = UnsafeRawBufferPointer(start: buffer, count: buffer.distance(to: info.lastchar))
        let cursorBytes = buffer.distance(to: info.cursor)
        let request = CompletionRequest(
            line: String(decoding: lineBytes, as: UTF8.self),
            cursor: String(decoding: lineBytes.prefix(cursorBytes), as: UTF8.self).count
        )
        switch CompletionStep.plan(for: request, result: completion(request)) {
        case .replace(let word, let replacement):
            // libedit counts what it deletes in code points.
            el_deletestr(editor, Int32(word.unicodeScalars.count))
            guard replacement.isEmpty || el_insertstr(editor, replacement) == 0 else { return CC_REFRESH_BEEP }
            return CC_REFRESH
        case .list(let candidates):
            let lines = CandidateColumns.layout(candidates, width: Terminal.width)
            cel_write(editor, "\n" + lines.joined(separator: "\n") + "\n")
            return CC_REDISPLAY
        case .unchanged:
            return CC_NORM
        case .noCandidates:
            return CC_REFRESH_BEEP
        }
    }

    fileprivate static func reader(of editor: OpaquePointer) -> EditLineReader? {
        cel_client_data(editor).map { Unmanaged<EditLineReader>.fromOpaque($0).takeUnretainedValue() }
    }

    private static func withoutNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}

/// libedit's prompt callback.
private func editLinePrompt(_ editor: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    guard let editor, let reader = EditLineReader.reader(of: editor) else { return cel_empty_prompt() }
    return reader.currentPrompt
}

/// libedit's Tab callback.
private func editLineComplete(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
    guard let editor, let reader = EditLineReader.reader(of: editor) else { return UInt8(CC_ERROR) }
    return UInt8(reader.completeWordUnderCursor(in: editor))
}
