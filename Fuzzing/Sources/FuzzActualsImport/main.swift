import Invariants

/// libFuzzer calls this once per input: the bytes of a CSV of actual results to import.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzActualsImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.actualsImport(data, size)
}
