/// The libFuzzer entry point: each input is one JPEG DCT codestream (8 or 12-bit, baseline or extended).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJPEGExtended(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    JPEGExtendedProbe.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
