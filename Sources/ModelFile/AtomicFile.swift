import Glibc

/// Writes whole files so that a crash or a full disk never leaves half a file: the
/// text goes to a temporary file in the same folder, which is then renamed over the
/// target. Only a regular file (or no file yet) is ever replaced: a rename over a FIFO
/// or a device would turn it into a plain file.
public enum AtomicFile {
    /// Writes through a symbolic link to the file it names, so the link stays a link.
    /// A write-protected file is refused unless `replacingProtected`. Returns the stamp of
    /// the file written; temporaries that killed saves of the same file left are removed.
    @discardableResult
    public static func write(
        _ bytes: [UInt8], to requestedPath: String, replacingProtected: Bool = false
    ) throws(WorkbookError) -> FileStamp {
        switch try FileKind.ofWriteTarget(requestedPath) {
        case .missing, .regular: break
        case .directory: throw .io(path: requestedPath, reason: "is a directory: give a file name")
        case .stream, .other: throw .io(path: requestedPath, reason: "not a regular file")
        }
        let path = resolvingLinks(requestedPath)
        if !replacingProtected, isWriteProtected(path) { throw .writeProtected(path: path) }
        let temporaryName = TemporaryFileName(target: path)
        let temporary = temporaryName.make()
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode(of: path))
        guard descriptor >= 0 else { throw .io(path: path, reason: SystemError.current) }
        var failure = SystemError.writeAll(bytes, to: descriptor)
        if failure == nil, fsync(descriptor) != 0 { failure = SystemError.current }
        var status = stat()
        if failure == nil, fstat(descriptor, &status) != 0 { failure = SystemError.current }
        if close(descriptor) != 0, failure == nil { failure = SystemError.current }
        if failure == nil, rename(temporary, path) != 0 { failure = SystemError.current }
        if let failure {
            unlink(temporary)
            throw .io(path: path, reason: failure)
        }
        temporaryName.removeStale()
        return FileStamp(status: status, bytes: bytes)
    }

    public static func write(_ text: String, to path: String) throws(WorkbookError) {
        try write(Array(text.utf8), to: path)
    }

    /// The file a path finally names when it is a symbolic link; the path itself otherwise.
    private static func resolvingLinks(_ path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
              let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A file nobody may write to (no write bit at all, as `chmod 444` leaves it), or one
    /// this process may not write to. The mode bits count even for root, who may write anyway.
    private static func isWriteProtected(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return status.st_mode & 0o222 == 0 || access(path, W_OK) != 0
    }

    /// Keeps an existing file's permissions; new files get the usual 0644 (less the umask).
    private static func mode(of path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0o644
    }
}
