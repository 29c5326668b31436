/// An input that broke one of leadlag's promises (a refused edit that changed something, an
/// undo that did not restore the file, a diagnostic pointing outside the input), said in
/// words a developer can act on. The fuzz targets stop the process on one; the property
/// tests record it as a failure.
public struct InvariantViolation: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
