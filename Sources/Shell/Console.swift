import Formula
import Glibc

/// Where the REPL loop and the script runner print: the process's standard output and
/// standard error, or whatever a test collects.
struct Console: Sendable {
    let write: @Sendable (OutputLine) -> Void

    /// Straight `write(2)` calls, unbuffered, so output and errors reach a terminal in the
    /// order they were produced; a closed pipe loses the output but never crashes.
    static let standardStreams = Console { line in
        let descriptor = line.stream == .output ? STDOUT_FILENO : STDERR_FILENO
        let bytes = Array((line.text + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count > 0 {
                written += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// This console without standard output: what `leadlag run --quiet` prints.
    var errorsOnly: Console {
        let write = self.write
        return Console { line in if line.stream == .error { write(line) } }
    }

    func print(_ reply: Reply) {
        for line in reply.lines { write(line) }
    }

    func say(_ text: String) { write(OutputLine(text)) }

    func complain(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            write(OutputLine(VisibleText.escaping(line), stream: .error))
        }
    }
}
