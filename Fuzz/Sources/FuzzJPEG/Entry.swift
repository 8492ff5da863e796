/// The libFuzzer entry point: each input is one JPEG stream.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJPEG(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    JPEGProbe.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
