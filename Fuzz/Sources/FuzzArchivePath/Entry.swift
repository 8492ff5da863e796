/// The libFuzzer entry point: each input is a set of header values separated by 0xFF bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchivePath(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ArchivePathProbe.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
