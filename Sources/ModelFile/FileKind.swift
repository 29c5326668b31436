import Glibc

/// What a path names on disk, looked at before a file is opened or replaced: opening a
/// FIFO for reading waits for a writer forever, and renaming over a device or a FIFO
/// turns it into a plain file. Symbolic links are followed.
public enum FileKind: Sendable, Equatable {
    case missing
    case regular
    case directory
    /// A FIFO or a character device (a terminal, `/dev/null`): bytes flow through it.
    case stream
    /// A socket or a block device.
    case other

    public static func of(_ path: String) throws(WorkbookError) -> FileKind {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return .missing }
            throw .io(path: path, reason: SystemError.current)
        }
        return FileKind(mode: status.st_mode)
    }

    /// What writing to `path` must treat it as: a path in `/dev` or `/proc` (`/dev/stdout`,
    /// `/dev/fd/3`) names an open stream even when it leads to a regular file (standard
    /// output redirected to one), so it is written through and never renamed over.
    public static func ofWriteTarget(_ path: String) throws(WorkbookError) -> FileKind {
        let kind = try of(path)
        let namesStream = path.hasPrefix("/dev/") || path.hasPrefix("/proc/")
        return kind == .regular && namesStream ? .stream : kind
    }

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO, S_IFCHR: self = .stream
        default: self = .other
        }
    }

    /// Why a file of this kind cannot be read or written as a model file; nil for a regular file.
    var refusal: String? {
        switch self {
        case .regular: nil
        case .missing: String(cString: strerror(ENOENT))
        case .directory: "is a directory"
        case .stream, .other: "not a regular file"
        }
    }
}

/// The system calls' error reporting, worded for messages.
enum SystemError {
    /// The text of `errno`: "No such file or directory".
    static var current: String { String(cString: strerror(errno)) }

    /// Writes all of `bytes` to `descriptor`, retrying interrupted and partial writes;
    /// the error text when writing failed, nil when everything was written.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count > 0 {
                written += count
            } else if count < 0, errno != EINTR {
                return current
            }
        }
        return nil
    }
}
