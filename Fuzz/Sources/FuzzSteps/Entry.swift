/// The libFuzzer entry point: each input is one `--steps` (or `--preset`, `--window`) text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSteps(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    StepsProbe.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
