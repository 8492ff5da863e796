/// JPEG 2000 Part 1 decoding (ISO/IEC 15444-1) through OpenJPEG, for the DICOM transfer syntaxes
/// JPEG 2000 Lossless Only (1.2.840.10008.1.2.4.90) and JPEG 2000 (1.2.840.10008.1.2.4.91), and
/// the Part 2 multi-component ones (1.2.840.10008.1.2.4.92 and .93) as far as OpenJPEG decodes
/// Part 2 (PS3.5 §8.2.4, A.4.4).
///
/// The main header is read in Swift first and bounded by `CodestreamLimits` before OpenJPEG sees
/// the data; OpenJPEG's own reading of it must then agree, or decoding fails.
public enum JPEG2000Codec {
    /// Most tiles times components decoded for a frame of `sampleCount` samples: 4,096, or one
    /// per 1,024 samples when that is more. OpenJPEG keeps about 10 KiB of coding state per tile
    /// before it decodes a sample, so its bookkeeping stays within what the samples themselves
    /// cost (about 10 bytes per sample), whatever tile grid a header declares.
    public static func maximumTileComponents(sampleCount: Int) -> Int { max(4_096, sampleCount / 1_024) }

    /// Reads the main header (SIZ and COD markers) without decoding.
    /// - Parameter bytes: a bare codestream (SOC marker first), or a JP2 file holding one.
    /// - Throws: `.codestream` for a missing, cut-short or malformed main header;
    ///   `.unsupportedCodestream` for components that differ in precision or sign, or that are
    ///   subsampled.
    public static func readHeader(_ bytes: [UInt8]) throws(CodecError) -> JPEG2000Header {
        try JPEG2000Header(parsing: bytes)
    }

    /// Decodes one codestream (for DICOM, one frame: its fragments concatenated).
    ///
    /// Signed samples (`Ssiz` bit 7) come out sign-extended into the container, two's complement;
    /// the caller masks to Bits Stored and applies Pixel Representation, which may disagree with
    /// the codestream's own precision and sign. When the COD marker sets the multiple component
    /// transform on 3 or more components, OpenJPEG undoes it (RCT or ICT, Annex G) and
    /// `colorTransformUndone` is true: YBR_RCT and YBR_ICT frames come out as RGB.
    /// Decoding is strict: a codestream cut short is an error, never a partial image.
    /// - Parameters:
    ///   - bytes: a bare codestream, or a JP2 file (some DICOM writers wrongly store one), whose
    ///     `jp2c` box is decoded as a bare codestream (JP2 palette and channel boxes are ignored).
    ///   - limits: `width * height * components` above `maximumSampleCount` is refused.
    ///   - threads: OpenJPEG worker threads, 1 (the calling thread only, the default) ... 64;
    ///     other values are clamped into that range.
    /// - Throws: `.imageTooLarge` (with the limit in pixels: `maximumSampleCount / components`),
    ///   `.unsupportedCodestream` for precision above 16, subsampled or unlike components, or
    ///   more than `maximumTileComponents(sampleCount:)` tile-components; `.codestream` when a
    ///   tile has no tile-part, or with OpenJPEG's message for any other decoding failure.
    public static func decode(
        _ bytes: [UInt8], limits: CodestreamLimits, threads: Int = 1
    ) throws(CodecError) -> DecodedCodestream {
        let header = try readHeader(bytes)
        let (pixelCount, pixelOverflow) = header.width.multipliedReportingOverflow(by: header.height)
        let (sampleCount, overflow) = pixelCount.multipliedReportingOverflow(by: header.components)
        guard !pixelOverflow, !overflow, sampleCount <= limits.maximumSampleCount else {
            throw .imageTooLarge(
                width: header.width, height: header.height,
                maximumPixelCount: limits.maximumSampleCount / header.components)
        }
        guard header.precision <= 16 else {
            throw .unsupportedCodestream(
                format: .jpeg2000, reason: "\(header.precision)-bit samples (at most 16 are decoded)")
        }
        let tileLimit = maximumTileComponents(sampleCount: sampleCount)
        guard header.tileCount * header.components <= tileLimit else {
            throw .unsupportedCodestream(
                format: .jpeg2000,
                reason: "\(header.tileCount) tiles of \(header.components) components (at most "
                    + "\(tileLimit) tile-components are decoded in a frame of this size)")
        }
        let coders = header.mainHeaderCoders.union(try header.checkTileParts(in: bytes))
        guard coders != [.classic, .highThroughput] else {
            // OpenJPEG 2.5.0 sizes a code-block decoder's buffers for one coder and reuses them
            // for the other: a heap overflow.
            throw .unsupportedCodestream(
                format: .jpeg2000,
                reason: "High-Throughput (ISO/IEC 15444-15) and classic code-blocks mixed in one codestream")
        }
        if header.usesHighThroughput {
            // OpenJPEG 2.5.0's HT block decoder fails asserts (kept in Debian's build) on a marker
            // code inside MEL data; the HTJ2K shim's structure check refuses such codestreams.
            _ = try HTJ2KShim.readHeader(Array(bytes[header.codestreamRange]))
        }
        let samples = try decodeSamples(
            bytes, header: header, sampleCount: sampleCount, threads: min(max(threads, 1), 64))
        return DecodedCodestream(
            width: header.width, height: header.height, components: header.components,
            precision: header.precision, isSigned: header.isSigned,
            colorTransformUndone: header.multipleComponentTransform != 0 && header.components >= 3,
            samples: samples)
    }
}
