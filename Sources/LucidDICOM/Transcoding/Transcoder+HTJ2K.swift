import LucidCodecs

extension Transcoder {
    /// One HTJ2K Lossless codestream (ISO/IEC 15444-15, PS3.5 A.4.6): reversible 5/3 wavelet, no
    /// colour transform, so three components stay RGB (or YBR_FULL).
    ///
    /// The HTJ2K encoder is not part of this build's LucidCodecs; once it is, this body becomes
    /// `try HTJ2KCodec.encode(source)`.
    static func encodeHTJ2K(_ source: CodestreamSource) throws(CodecError) -> [UInt8] {
        throw .unsupportedCodestream(
            format: .htj2k, reason: "this build of Lucid has no HTJ2K encoder yet; use --to jpeg-ls or explicit-le")
    }
}
