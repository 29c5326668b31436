import Glibc

/// Where `:export PATH` and `:table … PATH` write values: a regular file atomically
/// (see ``AtomicFile``), or straight through a FIFO or character device (`/dev/stdout`,
/// a terminal, a pipe another program reads), which a rename would replace with a
/// plain file. A model file is never written this way: `:save` wants a regular file.
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws(WorkbookError) {
        if try FileKind.ofWriteTarget(path) == .stream {
            try writeThrough(Array(text.utf8), to: path)
        } else {
            try AtomicFile.write(Array(text.utf8), to: path)
        }
    }

    /// Opens without waiting (a FIFO nobody reads from is refused at once instead of
    /// hanging), then writes as a pipe is written; appending, so standard output
    /// redirected to a file keeps what was printed before. A reader that goes away early is an
    /// error, not the end of the session: SIGPIPE is ignored while writing.
    private static func writeThrough(_ bytes: [UInt8], to path: String) throws(WorkbookError) {
        if let open = openDescriptor(named: path) {
            try writeIgnoringBrokenPipe(bytes, to: open, path: path)
            return
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let reason = errno == ENXIO ? "no program is reading from this FIFO" : SystemError.current
            throw .io(path: path, reason: reason)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        defer { close(descriptor) }
        try writeIgnoringBrokenPipe(bytes, to: descriptor, path: path)
    }

    private static func writeIgnoringBrokenPipe(
        _ bytes: [UInt8], to descriptor: Int32, path: String
    ) throws(WorkbookError) {
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        if let failure = SystemError.writeAll(bytes, to: descriptor) { throw .io(path: path, reason: failure) }
    }

    /// The descriptor of this process that `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or
    /// `/proc/self/fd/N` names. Written to directly, values land where the process's own
    /// output goes, in order, even when that is a file (a new descriptor would write over it).
    private static func openDescriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                guard let number = Int32(path.dropFirst(prefix.count)), fcntl(number, F_GETFD) != -1 else { return nil }
                return number
            }
            return nil
        }
    }
}
