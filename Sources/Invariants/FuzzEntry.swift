/// The bodies of the libFuzzer entry points of the fuzz package (Fuzz/): the input's bytes
/// go through the same checks as the property tests, and a broken invariant stops the
/// process, so libFuzzer keeps the input as a crash and prints its bytes.
public enum FuzzEntry {
    public static func modelLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = Self.bytes(data, size)
        stopOnViolation(bytes) { () throws(InvariantViolation) in try LoadInvariants.check(bytes) }
        return 0
    }

    public static func session(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = Self.bytes(data, size)
        stopOnViolation(bytes) { () throws(InvariantViolation) in try SessionInvariants.check(SessionScript(bytes: bytes)) }
        return 0
    }

    public static func actualsImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = Self.bytes(data, size)
        stopOnViolation(bytes) { () throws(InvariantViolation) in try ActualsImportInvariants.check(bytes) }
        return 0
    }

    private static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    private static func stopOnViolation(_ input: [UInt8], _ check: () throws(InvariantViolation) -> Void) {
        do throws(InvariantViolation) {
            try check()
        } catch {
            fatalError("invariant broken: \(error)\ninput: \(ByteText.escaped(input))")
        }
    }
}
