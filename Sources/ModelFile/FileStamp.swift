import Glibc

/// A file as leadlag last read or wrote it: size, modification time and a hash of its
/// bytes, so that `:save` notices a file someone else changed meanwhile (a teammate's
/// `git pull`, another editor) instead of overwriting their work.
public struct FileStamp: Sendable, Equatable {
    let size: Int
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int
    let contentHash: Int

    init(status: stat, bytes: [UInt8]) {
        size = Int(status.st_size)
        modifiedSeconds = Int(status.st_mtim.tv_sec)
        modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
        contentHash = Self.contentHash(of: bytes)
    }

    /// A hash of file contents, the same for the same bytes within one run of the program.
    static func contentHash(of bytes: [UInt8]) -> Int {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// Whether the file at `path` still holds what this stamp saw. The same size and time
    /// mean yes without reading (as make and git decide); otherwise the bytes decide, so a
    /// file touched or checked out again unchanged still counts as unchanged. A file that is
    /// gone counts as unchanged too: saving recreates it and nothing is lost.
    func stillMatches(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return errno == ENOENT }
        if Int(status.st_size) == size, Int(status.st_mtim.tv_sec) == modifiedSeconds,
           Int(status.st_mtim.tv_nsec) == modifiedNanoseconds {
            return true
        }
        guard let current = try? RegularFile.read(path) else { return false }
        return current.stamp.contentHash == contentHash
    }
}
