import Glibc

/// Writes session output to the process's standard output and standard error.
///
/// Straight `write(2)` calls, unbuffered, so output and errors reach a terminal in
/// the order they were produced; a closed pipe loses the output but never crashes.
struct Console {
    func print(_ reply: Reply) {
        for line in reply.lines { print(line) }
    }

    func print(_ line: OutputLine) {
        write(line.text + "\n", to: line.stream == .output ? STDOUT_FILENO : STDERR_FILENO)
    }

    func say(_ text: String) { print(OutputLine(text)) }

    func complain(_ text: String) { print(OutputLine(text, stream: .error)) }

    private func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
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
}
