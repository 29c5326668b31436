import Foundation
import ModelFile

/// `leadlag NEW.model` at a terminal for a file that does not exist yet: an empty model bound to
/// that path, so the first `:save` creates it.
enum NewModelFile {
    /// The empty model for `path` when nothing is there and its folder exists; nil when the path
    /// names something (it is then loaded as usual) or its folder is missing (loading says so).
    static func workbook(at path: String) -> Workbook? {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard !FileManager.default.fileExists(atPath: path),
              FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isFolder),
              isFolder.boolValue else { return nil }
        var workbook = Workbook()
        workbook.path = path
        return workbook
    }
}
