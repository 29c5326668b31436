import Glibc

/// The one way a file named by the user is opened for reading — models for every
/// command and scripts for `leadlag run` — so that a FIFO, a device or a folder is
/// refused at once ("not a regular file") instead of blocking or reading forever.
public enum RegularFile {
    /// The largest file read: far beyond any plan, and it keeps a growing file from eating memory.
    public static let maximumSize = 256 << 20

    /// A descriptor open for reading on the regular file at `path`; the caller closes it.
    ///
    /// The path is looked at before it is opened, so no device is ever opened; the open
    /// itself does not block either (`O_NONBLOCK`) should the path turn into a FIFO in
    /// between, and what was opened is checked again.
    public static func openForReading(_ path: String) throws(WorkbookError) -> Int32 {
        if let refusal = try FileKind.of(path).refusal { throw .io(path: path, reason: refusal) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw .io(path: path, reason: SystemError.current) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = SystemError.current
            close(descriptor)
            throw .io(path: path, reason: reason)
        }
        if let refusal = FileKind(mode: status.st_mode).refusal {
            close(descriptor)
            throw .io(path: path, reason: refusal)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// The bytes of the regular file at `path`, with the stamp a later save compares against.
    public static func read(_ path: String) throws(WorkbookError) -> (bytes: [UInt8], stamp: FileStamp) {
        let descriptor = try openForReading(path)
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        // Room for the file as it is now, so a large model is not copied as the array doubles
        // (nor kept in twice the memory it needs); a file that grows meanwhile still reads whole.
        var size = stat()
        if fstat(descriptor, &size) == 0, size.st_size > 0 { bytes.reserveCapacity(min(Int(size.st_size), maximumSize) + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: SystemError.current)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumSize {
                throw .io(path: path, reason: "too large (more than \(maximumSize >> 20) MiB)")
            }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .io(path: path, reason: SystemError.current) }
        return (bytes, FileStamp(status: status, bytes: bytes))
    }
}
