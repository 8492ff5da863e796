extension JPEGLSCodec {
    /// Encodes samples as one JPEG-LS codestream: lossless by default, near-lossless when
    /// `nearLossless` > 0 (every decoded sample then within `nearLossless` of the source).
    ///
    /// One component is written non-interleaved (ILV 0), three sample-interleaved (ILV 2) without
    /// colour transform, as DICOM requires. For P > 12 an LSE segment carries the preset
    /// parameters explicitly (CharLS's compatibility option for Java JAI decoders).
    /// - Parameters:
    ///   - source: precision 2...16 (`.uint8` samples for up to 8, `.uint16` above); 1 or 3
    ///     components. Unsigned samples must be at most 2^precision - 1. Signed samples
    ///     (sign-extended in their container) must lie in -2^(precision-1)...2^(precision-1) - 1;
    ///     their low `precision` bits are written, since JPEG-LS has no sign (see the type).
    ///   - nearLossless: NEAR, 0 (lossless, the default) ... min(255, (2^precision - 1) / 2).
    /// - Returns: the codestream, SOI to EOI (its length may be odd; DICOM pads fragments).
    /// - Throws: `.unsupportedCodestream` for a precision or component count JPEG-LS or DICOM
    ///   cannot carry; `.imageTooLarge` for a side above 2^32 - 1; `.codestream` for samples that
    ///   do not match the source's description, an invalid NEAR, or a CharLS failure.
    public static func encode(_ source: CodestreamSource, nearLossless: Int = 0) throws(CodecError) -> [UInt8] {
        guard (2...16).contains(source.precision) else {
            throw .unsupportedCodestream(
                format: format, reason: "\(source.precision) bits per sample (JPEG-LS allows 2...16)")
        }
        guard source.components == 1 || source.components == 3 else {
            throw .unsupportedCodestream(format: format, reason: "\(source.components) components (use 1 or 3)")
        }
        guard source.width > 0, source.height > 0, let width = UInt32(exactly: source.width),
            let height = UInt32(exactly: source.height)
        else {
            throw .imageTooLarge(width: source.width, height: source.height, maximumPixelCount: Int(UInt32.max))
        }
        let maximum = (1 << source.precision) - 1
        guard (0...min(255, maximum / 2)).contains(nearLossless) else {
            throw invalid("NEAR \(nearLossless) is outside 0...\(min(255, maximum / 2)) for \(source.precision) bits")
        }
        let size = (width: width, height: height)
        switch source.samples {
        case .uint8(let samples) where source.precision <= 8:
            return try encode(samples, of: source, size: size, nearLossless: nearLossless)
        case .uint16(let samples) where source.precision > 8:
            return try encode(samples, of: source, size: size, nearLossless: nearLossless)
        default:
            throw invalid(
                "\(source.precision)-bit samples need a .\(source.precision <= 8 ? "uint8" : "uint16") buffer")
        }
    }

    private static func encode<Sample: FixedWidthInteger & UnsignedInteger>(
        _ samples: [Sample], of source: CodestreamSource, size: (width: UInt32, height: UInt32), nearLossless: Int
    ) throws(CodecError) -> [UInt8] {
        let count = source.width.multipliedReportingOverflow(by: source.height)
        guard !count.overflow,
            count.partialValue.multipliedReportingOverflow(by: source.components) == (samples.count, false)
        else {
            throw invalid(
                "\(samples.count) samples do not make \(source.width) x \(source.height) x \(source.components)")
        }
        let values = source.isSigned ? try bitPatterns(samples, precision: source.precision) : samples
        return try JPEGLSShimCalls.encode(
            values, width: size.width, height: size.height, precision: source.precision,
            components: source.components, nearLossless: nearLossless)
    }

    /// The low `precision` bits of sign-extended signed samples, after checking each is in range.
    private static func bitPatterns<Sample: FixedWidthInteger & UnsignedInteger>(
        _ samples: [Sample], precision: Int
    ) throws(CodecError) -> [Sample] {
        let half = 1 << (precision - 1)
        let mask = (1 << precision) - 1
        let containerHalf = 1 << (Sample.bitWidth - 1)
        var patterns = samples
        for index in patterns.indices {
            let raw = Int(patterns[index])
            let value = raw >= containerHalf ? raw - 2 * containerHalf : raw
            guard (-half..<half).contains(value) else {
                throw invalid("signed sample \(index) (\(value)) does not fit \(precision) bits")
            }
            patterns[index] = Sample(value & mask)
        }
        return patterns
    }

    private static func invalid(_ message: String) -> CodecError {
        .codestream(format: format, operation: "encode", message: message)
    }
}
