import CodestreamProbe
import LucidCodecs

/// The libFuzzer entry point: each input is one JPEG-LS codestream, decoded by `JPEGLSCodec` (CharLS
/// behind the C shim) and checked by `CodestreamProbe`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJPEGLS(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    CodestreamProbe.run(Array(UnsafeBufferPointer(start: data, count: size))) { bytes, limits throws(CodecError) in
        try JPEGLSCodec.decode(bytes, limits: limits)
    }
    return 0
}
