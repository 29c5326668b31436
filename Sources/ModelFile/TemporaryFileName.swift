import Glibc

/// The temporary file a save writes before renaming it over the target:
/// `.NAME.PID.RANDOM.tmp` next to it. The process id in the name tells whose it is, so a
/// later save can remove the ones a killed save (`kill -9`, a power cut) left behind.
struct TemporaryFileName {
    let folder: String
    let name: String

    /// Splits a target path into its folder (with the slash, or "" for the current folder) and file name.
    init(target path: String) {
        let slash = path.lastIndex(of: "/")
        folder = slash.map { String(path[...$0]) } ?? ""
        name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// A fresh temporary path for this process.
    func make() -> String {
        "\(folder).\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// Deletes the temporaries of the same target whose process is gone. One that a live
    /// process owns (a save running now, in this or another leadlag) is left alone.
    func removeStale() {
        guard let directory = opendir(folder.isEmpty ? "." : folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let owner = owner(ofEntry: entryName), !isAlive(owner) else { continue }
            var status = stat()
            let path = folder + entryName
            if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG { unlink(path) }
        }
    }

    /// The process id in `entry` when it is a temporary of this target, nil otherwise.
    func owner(ofEntry entry: String) -> pid_t? {
        let prefix = "." + name + "."
        let suffix = ".tmp"
        guard entry.hasPrefix(prefix), entry.hasSuffix(suffix), entry.count > prefix.count + suffix.count else {
            return nil
        }
        let middle = entry.dropFirst(prefix.count).dropLast(suffix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard middle.count == 2, let pid = pid_t(middle[0]), pid > 0, UInt32(middle[1]) != nil else { return nil }
        return pid
    }

    private func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }
}
