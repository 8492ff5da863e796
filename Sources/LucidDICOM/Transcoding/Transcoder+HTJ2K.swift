import LucidCodecs

extension Transcoder {
    /// One HTJ2K Lossless codestream (ISO/IEC 15444-15, PS3.5 A.4.6) through OpenJPH: reversible
    /// 5/3 wavelet, no colour transform, so three components stay RGB (or YBR_FULL).
    static func encodeHTJ2K(_ source: CodestreamSource) throws(CodecError) -> [UInt8] {
        try HTJ2KCodec.encode(source)
    }
}
