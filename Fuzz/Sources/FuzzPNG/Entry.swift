/// The libFuzzer entry point: each input is one PNG file's bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    PNGProbe.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
