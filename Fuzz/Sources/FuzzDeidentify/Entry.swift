/// The libFuzzer entry point: each input is one DICOM file's bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeidentify(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    DeidentifyProbe.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
