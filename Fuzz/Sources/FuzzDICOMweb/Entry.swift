/// The libFuzzer entry point: the first byte picks what the rest is (see `DICOMwebProbe`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDICOMweb(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    DICOMwebProbe.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
