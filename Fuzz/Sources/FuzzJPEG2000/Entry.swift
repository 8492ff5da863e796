import CodestreamProbe
import LucidCodecs

/// The libFuzzer entry point: each input is one JPEG 2000 codestream, decoded by `JPEG2000Codec`
/// (OpenJPEG behind the C shim, one thread) and checked by `CodestreamProbe`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJPEG2000(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    CodestreamProbe.run(Array(UnsafeBufferPointer(start: data, count: size))) { bytes, limits throws(CodecError) in
        try JPEG2000Codec.decode(bytes, limits: limits)
    }
    return 0
}
