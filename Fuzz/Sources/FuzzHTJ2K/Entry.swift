import CodestreamProbe
import LucidCodecs

/// The libFuzzer entry point: each input is one HTJ2K codestream, decoded as Lucid decodes files
/// (`HTJ2KCodec.decode`: OpenJPH through the shim's guards, OpenJPEG for what OpenJPH refuses) and
/// checked by `CodestreamProbe`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTJ2K(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    CodestreamProbe.run(Array(UnsafeBufferPointer(start: data, count: size))) { bytes, limits throws(CodecError) in
        try HTJ2KCodec.decode(bytes, limits: limits)
    }
    return 0
}
