import Invariants

/// libFuzzer calls this once per input: a model file and lines typed into a session.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSession(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.session(data, size)
}
