import CJPEGLSShim

/// JPEG-LS (ITU-T T.87 / ISO/IEC 14495-1) decoding and encoding through CharLS 2.x, for the DICOM
/// transfer syntaxes JPEG-LS Lossless (1.2.840.10008.1.2.4.80) and JPEG-LS Near-Lossless
/// (1.2.840.10008.1.2.4.81), PS3.5 §8.2.3 and §A.4.3.
///
/// **Sign.** JPEG-LS has no signed samples: a codestream holds P-bit unsigned values. DICOM data
/// with Pixel Representation 1 is stored as its two's complement bit pattern in those P bits, and
/// the DICOM layer sign-extends from Bits Stored after decoding. So `decode` always returns
/// unsigned bit patterns (`isSigned == false`), and `encode` writes the low `precision` bits of a
/// signed source.
///
/// **Precision.** Samples come back in `.uint8` for P = 2...8 and `.uint16` for P = 9...16. P is
/// the codestream's own value; it may differ from Bits Stored, which the DICOM layer compares.
///
/// **Refused** (`CodecError.unsupportedCodestream`): P outside 2...16 (T.87 allows 2...16 only);
/// a component count other than 1 or 3; the HP colour transforms (HP1/HP2/HP3, an APP8 "mrfx"
/// extension that some HP and old CharLS encoders wrote; not ISO/IEC 14495-1, so not DICOM);
/// LSE mapping tables and other extensions CharLS cannot decode; frames of other JPEG processes
/// (SOF0...SOF15 rather than SOF55). Custom LSE preset parameters
/// (thresholds, RESET, MAXVAL, ISO/IEC 14495-1 C.2.4.1.1) are part of the standard and decoded.
/// Files that old CharLS releases (before 2.1) encoded at P = 2...6 used wrong default thresholds
/// and cannot be told apart from valid ones; DICOM images practically never use such depths.
public enum JPEGLSCodec {
    static let format = CodestreamFormat.jpegLS

    /// Decodes one JPEG-LS codestream (for DICOM: all fragments of the frame concatenated).
    ///
    /// The frame header is read first and `width * height * components` checked against
    /// `limits` before anything is allocated for the samples. Near-lossless codestreams decode to
    /// the encoder's reconstruction (each sample within NEAR of the original).
    /// - Parameters:
    ///   - bytes: the codestream, SOI to EOI; bytes after EOI (a DICOM pad byte) are ignored. A
    ///     codestream missing only its final EOI marker still decodes: every coded bit is present.
    ///   - limits: the largest sample count the caller accepts.
    /// - Returns: samples interleaved by pixel whatever the scans' interleave mode; `isSigned` and
    ///   `colorTransformUndone` are false.
    /// - Throws: `.imageTooLarge` when the header exceeds `limits`; `.unsupportedCodestream` for the
    ///   cases listed on the type; `.codestream` for malformed, truncated or corrupt data.
    public static func decode(_ bytes: [UInt8], limits: CodestreamLimits) throws(CodecError) -> DecodedCodestream {
        let header = try JPEGLSShimCalls.readHeader(bytes)
        try checkSupported(header)
        let width = Int(header.width)
        let height = Int(header.height)
        let components = Int(header.component_count)
        let precision = Int(header.bits_per_sample)
        let (pixels, pixelOverflow) = width.multipliedReportingOverflow(by: height)
        let (count, countOverflow) = pixels.multipliedReportingOverflow(by: components)
        guard !pixelOverflow, !countOverflow, count <= limits.maximumSampleCount else {
            throw .imageTooLarge(width: width, height: height, maximumPixelCount: limits.maximumSampleCount)
        }
        let samples: SampleBuffer
        if precision <= 8 {
            var values = [UInt8](repeating: 0, count: count)
            try JPEGLSShimCalls.decode(bytes, header: header, into: &values)
            samples = .uint8(values)
        } else {
            var values = [UInt16](repeating: 0, count: count)
            try JPEGLSShimCalls.decode(bytes, header: header, into: &values)
            samples = .uint16(values)
        }
        return DecodedCodestream(
            width: width, height: height, components: components, precision: precision, samples: samples)
    }

    private static func checkSupported(_ header: lucid_jls_header) throws(CodecError) {
        guard (2...16).contains(header.bits_per_sample) else {
            throw .unsupportedCodestream(
                format: format, reason: "\(header.bits_per_sample) bits per sample (JPEG-LS allows 2...16)")
        }
        guard header.component_count == 1 || header.component_count == 3 else {
            throw .unsupportedCodestream(
                format: format, reason: "\(header.component_count) components (DICOM uses 1 or 3)")
        }
        guard header.color_transformation == 0 else {
            throw .unsupportedCodestream(
                format: format,
                reason: "HP colour transform HP\(header.color_transformation) (a non-standard extension "
                    + "that DICOM does not allow; re-encode the image without it)")
        }
        guard header.width > 0, header.height > 0 else {
            throw .codestream(format: format, operation: "read header", message: "the frame has no pixels")
        }
    }
}
