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
    /// Columns the prompt takes on screen, escape codes excluded.
    private var promptWidth = 0

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
            // Checked first: inside a Ctrl-R search libedit reports the broken read as end of file.
            if interrupts.takeInterrupt() {
                cel_write(editor, "^C\n")
                return .interrupted
            }
            // Another signal broke the read: keep reading.
            if count == -1, errno == EINTR { continue }
            // Ctrl-D on an empty line (libedit has echoed "^D"), or the terminal is gone: end
            // the line so the caller's output starts clean.
            cel_write(editor, "\n")
            return .endOfInput
        }
    }

    public func addToHistory(_ line: String) {
        guard let history, !line.allSatisfy(\.isWhitespace) else { return }
        cel_history_enter(history, line)
        // Saved at once so that a crash loses nothing.
        if let historyPath { cel_history_save(history, historyPath) }
    }

    private func configure(_ editor: OpaquePointer, history: OpaquePointer) {
        cel_history_set_size(history, Self.historySize)
        cel_history_set_unique(history, 1)
        if let historyPath { cel_history_load(history, historyPath) }

        cel_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
        cel_set_editor(editor, "emacs")
        cel_set_signal_handling(editor, 0)
        cel_set_history(editor, history)
        cel_set_prompt(editor, editLinePrompt, CChar(PromptMarking.marker.value))
        cel_add_function(editor, Self.completionFunctionName, "Complete the word under the cursor", editLineComplete)
        cel_bind(editor, "^I", Self.completionFunctionName)
        // libedit's emacs map leaves Ctrl-R as redisplay; readline users expect history search.
        cel_bind(editor, "^R", "em-inc-search-prev")
    }

    private func show(prompt: String) {
        guard prompt != promptSource else { return }
        free(promptText)
        let marked = PromptMarking.mark(prompt)
        promptText = strdup(marked)
        promptSource = prompt
        promptWidth = PromptMarking.visibleWidth(of: marked)
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
            let width = Terminal.width
            // Start below the whole input, which may wrap past the cursor's row.
            let rowsBelow = WrappedLine.rowsBelowCursor(
                promptWidth: promptWidth, line: request.line, cursor: request.cursor, terminalWidth: width)
            let listing = CandidateColumns.layout(candidates, width: width).map { $0 + "\n" }.joined()
            cel_write(editor, String(repeating: "\n", count: rowsBelow + 1) + listing)
            // Redraw prompt and line under the listing. (CC_REDISPLAY would first move up over
            // the rows it believes the line still occupies, and erase the end of the listing.)
            cel_redraw(editor)
            return CC_NORM
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
