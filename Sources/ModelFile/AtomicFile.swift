import Glibc

/// Reads and writes whole files; writing goes to a temporary file in the same
/// folder which is then renamed over the target, so a crash or a full disk
/// never leaves half a file.
public enum AtomicFile {
    /// The largest file read: far beyond any plan, and it keeps `/dev/zero` from eating memory.
    public static let maximumSize = 256 << 20

    public static func read(_ path: String) throws(WorkbookError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: path, reason: currentError()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .io(path: path, reason: currentError()) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .io(path: path, reason: "not a regular file") }
        guard status.st_size <= maximumSize else {
            throw .io(path: path, reason: "too large (more than \(maximumSize >> 20) MiB)")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: currentError())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumSize { throw .io(path: path, reason: "too large") }
        }
        return bytes
    }

    /// Writes through a symbolic link to the file it names, so the link stays a link.
    public static func write(_ text: String, to requestedPath: String) throws(WorkbookError) {
        let path = resolvingLinks(requestedPath)
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode(of: path))
        guard descriptor >= 0 else { throw .io(path: path, reason: currentError()) }
        var failure: String?
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count, failure == nil {
            let count = bytes.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written)
            }
            if count < 0, errno != EINTR { failure = currentError() } else if count > 0 { written += count }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = currentError() }
        if close(descriptor) != 0, failure == nil { failure = currentError() }
        if failure == nil, rename(temporary, path) != 0 { failure = currentError() }
        if let failure {
            unlink(temporary)
            throw .io(path: path, reason: failure)
        }
    }

    /// The file a path finally names when it is a symbolic link; the path itself otherwise.
    private static func resolvingLinks(_ path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
              let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Keeps an existing file's permissions; new files get the usual 0644 (less the umask).
    private static func mode(of path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0o644
    }

    private static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    private static func currentError() -> String {
        String(cString: strerror(errno))
    }
}
