import CHTJ2KShim

/// High-Throughput JPEG 2000 (ISO/IEC 15444-15, Rec. ITU-T T.814): the codestreams of the DICOM
/// transfer syntaxes HTJ2K Lossless (1.2.840.10008.1.2.4.201), HTJ2K Lossless RPCL (.202) and
/// HTJ2K (.203, lossy), added to DICOM PS3.5 §8.2 and Annex A.4 by Supplement 235.
///
/// Codestreams are decoded by OpenJPH (`decode`), which is fast, and where OpenJPH cannot decode
/// one (subsampled or mixed components, more than 16 bits, several quality layers, classic
/// code-blocks, or anything it refuses) by OpenJPEG's HT block decoder; lossless encoding is
/// OpenJPH's (`encode`). OpenJPH 0.9.0, Debian's, trusts what a codestream declares, so before it
/// sees one the shim checks its marker structure (SIZ tile grid, COD, QCD, tile-part headers, no
/// marker code inside the entropy-coded data: the divisions by zero, endless loops and failed asserts
/// of OpenJPH 0.9.0) and gives it a copy whose tile-parts end in guard bytes that no well-formed
/// packet reaches: a packet declaring more code-block data than its tile-part holds, which makes
/// OpenJPH 0.9.0 clear memory past a heap buffer, stops at the guard with an error instead
/// (`Fuzz/regressions/FuzzHTJ2K` keeps the reproducer).
public enum HTJ2KCodec {
    /// Decodes one HTJ2K codestream: through OpenJPH (`decodeThroughOpenJPH`), and through OpenJPEG
    /// (`JPEG2000Codec.decode`, with the checks it makes before and after decoding) when OpenJPH
    /// refuses it. A header declaring more samples than `limits` allows is refused at once.
    public static func decode(_ bytes: [UInt8], limits: CodestreamLimits) throws(CodecError) -> DecodedCodestream {
        do {
            return try decodeThroughOpenJPH(bytes, limits: limits)
        } catch {
            if case .imageTooLarge = error { throw error }
        }
        do {
            return try JPEG2000Codec.decode(bytes, limits: limits)
        } catch {
            switch error {
            case .codestream(_, let operation, let message):
                throw .codestream(format: .htj2k, operation: operation, message: message)
            case .unsupportedCodestream(_, let reason):
                throw .unsupportedCodestream(format: .htj2k, reason: reason)
            default:
                throw error
            }
        }
    }

    /// Decodes one HTJ2K codestream (`.j2c`, starting with the SOC marker `FF 4F`) through OpenJPH.
    ///
    /// The main header is read first: its `width * height * components` must be at most
    /// `limits.maximumSampleCount` before any sample buffer is allocated. Samples come out
    /// interleaved by pixel in `.uint8` for precisions 1...8 and `.uint16` for 9...16, each value
    /// clamped to its precision's range (lossy decoding can overshoot it) and, when signed,
    /// sign-extended into the container. When the COD marker declares the multiple-component
    /// transform (RCT or ICT), OpenJPH has already turned it back into RGB and
    /// `colorTransformUndone` is true (as for JPEG 2000, PS3.5 A.4.4: YBR_RCT and YBR_ICT data
    /// decode to RGB).
    /// - Parameters:
    ///   - bytes: the codestream (for DICOM, all fragments of the frame concatenated), up to and
    ///     including its EOC marker; bytes after EOC, such as an odd-length pad byte, are ignored.
    ///   - limits: what the DICOM header allows for this frame.
    /// - Throws: `.imageTooLarge` when the header declares more samples than allowed;
    ///   `.unsupportedCodestream` for subsampled components, components of different precision
    ///   or sign, or a precision above 16 bits; `.codestream` for anything OpenJPH cannot decode.
    package static func decodeThroughOpenJPH(_ bytes: [UInt8], limits: CodestreamLimits) throws(CodecError)
        -> DecodedCodestream
    {
        let header = try HTJ2KShim.readHeader(bytes)
        let width = Int(header.width), height = Int(header.height), components = Int(header.components)
        let (pixels, pixelOverflow) = width.multipliedReportingOverflow(by: height)
        let (sampleCount, sampleOverflow) = pixels.multipliedReportingOverflow(by: components)
        guard !pixelOverflow, !sampleOverflow, sampleCount <= limits.maximumSampleCount else {
            throw .imageTooLarge(
                width: width, height: height, maximumPixelCount: limits.maximumSampleCount / components)
        }
        if let reason = unsupportedReason(header) { throw .unsupportedCodestream(format: .htj2k, reason: reason) }
        let samples = try HTJ2KShim.decodeSamples(bytes, header: header, sampleCount: sampleCount)
        return DecodedCodestream(
            width: width, height: height, components: components, precision: Int(header.precision),
            isSigned: header.is_signed != 0, colorTransformUndone: header.color_transform != 0, samples: samples)
    }

    /// Encodes samples losslessly as an HTJ2K codestream: reversible 5/3 wavelet with up to five
    /// decomposition levels (fewer when a side is under 32 pixels), no colour transform (three
    /// components stay RGB, for Photometric Interpretation RGB), 64x64 HT code-blocks,
    /// one tile.
    /// - Parameters:
    ///   - source: 1 or 3 components, precision 1...16 (`.uint8` samples up to 8, else
    ///     `.uint16`); every value must fit the precision (signed values sign-extended).
    ///   - progressionRPCL: false (the default) writes LRCP progression, for HTJ2K Lossless
    ///     (1.2.840.10008.1.2.4.201); true writes RPCL progression with a TLM marker segment of
    ///     the tile-part lengths, for HTJ2K Lossless RPCL (.202).
    /// - Returns: the codestream, from SOC to EOC.
    public static func encode(_ source: CodestreamSource, progressionRPCL: Bool = false) throws(CodecError) -> [UInt8] {
        let codestream = try HTJ2KShim.encode(source, rpcl: progressionRPCL)
        guard progressionRPCL else { return codestream }
        return try HTJ2KTileLengths.insertingMarker(into: codestream)
    }

    private static func unsupportedReason(_ header: lucid_htj2k_header) -> String? {
        if header.subsampled != 0 { return "its components are subsampled (XRsiz or YRsiz above 1)" }
        if header.mixed_components != 0 { return "its components differ in precision or signedness" }
        if header.precision > 16 { return "its samples have \(header.precision) bits; at most 16 are supported" }
        return nil
    }
}
