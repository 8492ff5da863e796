import CHTJ2KShim

/// High-Throughput JPEG 2000 (ISO/IEC 15444-15, Rec. ITU-T T.814): the codestreams of the DICOM
/// transfer syntaxes HTJ2K Lossless (1.2.840.10008.1.2.4.201), HTJ2K Lossless RPCL (.202) and
/// HTJ2K (.203, lossy), added to DICOM PS3.5 §8.2 and Annex A.4 by Supplement 235.
///
/// Codestreams from files are decoded by OpenJPEG's HT block decoder (`decode`), lossless encoding
/// is OpenJPH's (`encode`). OpenJPH 0.9.0, Debian's, overflows a heap buffer while parsing the
/// precincts of a malformed codestream (a 404-byte reproducer is kept in `Fuzz/findings`), which
/// no check of the marker structure can rule out; OpenJPEG, fuzzed continuously upstream, refuses
/// it. OpenJPH's decoder stays reachable inside the package (`decodeThroughOpenJPH`) to check the
/// encoder against its own library; before it sees a codestream the shim checks its marker
/// structure (SIZ tile grid, COD, QCD, tile-part headers, no marker code inside the entropy-coded
/// data), against the divisions by zero, endless loops and failed asserts of OpenJPH 0.9.0.
public enum HTJ2KCodec {
    /// Decodes one HTJ2K codestream through OpenJPEG; see `JPEG2000Codec.decode` for the checks
    /// made before and after decoding (for HT code-blocks, the OpenJPH shim's check of the marker
    /// structure: OpenJPEG 2.5.0's HT decoder fails asserts on a marker code inside MEL data).
    public static func decode(_ bytes: [UInt8], limits: CodestreamLimits) throws(CodecError) -> DecodedCodestream {
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

    /// Decodes one HTJ2K codestream (`.j2c`, starting with the SOC marker `FF 4F`) through OpenJPH,
    /// for checking the encoder with its own library; files are decoded by `decode`.
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
