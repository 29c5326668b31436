import Invariants

/// libFuzzer calls this once per input: the bytes as a model file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.modelLoader(data, size)
}
