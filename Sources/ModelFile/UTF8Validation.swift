/// Finds bytes that are not UTF-8 in a line of a model file. Such a line cannot be kept as
/// written (text holds it with replacement characters), so saving would change the file:
/// the loader refuses it instead, pointing at the first bad byte.
enum UTF8Validation {
    /// The offset of the first byte of `bytes` that does not start or continue a valid UTF-8 character.
    static func firstInvalidOffset(in bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}
