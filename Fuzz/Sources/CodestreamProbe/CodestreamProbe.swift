import LucidCodecs

/// The checks shared by the codestream fuzz targets (JPEG-LS, JPEG 2000, HTJ2K): a codestream decoder
/// of LucidCodecs is called the way the DICOM layer calls it, with a small limit, and what it returns
/// must agree with itself.
public enum CodestreamProbe {
    /// 2^20 samples instead of the DICOM layer's frame limit, so oversized headers are refused before
    /// memory is allocated and each input stays fast; the same check runs.
    public static let limits = CodestreamLimits(maximumSampleCount: 1 << 20)

    /// Decodes below this many samples are repeated to show they do not depend on uninitialised memory.
    static let repeatedDecodeSamples = 1 << 16

    /// Decodes `bytes` with ``limits``; a thrown `CodecError` is a correct outcome. A decoded image
    /// must hold `width × height × components` samples within the limit, in the container its
    /// precision calls for, each within that precision, the same on a second decode; and the same
    /// codestream must be refused with a limit one sample smaller.
    public static func run(
        _ bytes: [UInt8], decode: ([UInt8], CodestreamLimits) throws(CodecError) -> DecodedCodestream
    ) {
        guard let image = try? decode(bytes, limits) else { return }
        let count = image.width * image.height * image.components
        precondition(count <= limits.maximumSampleCount, "\(count) samples decoded past the limit")
        precondition(image.samples.count == count, "\(image.samples.count) samples for \(count)")
        precondition((1...16).contains(image.precision), "precision \(image.precision) was accepted")
        checkRange(image)
        if count <= repeatedDecodeSamples {
            precondition((try? decode(bytes, limits)) == image, "a second decode differs")
        }
        let smaller = CodestreamLimits(maximumSampleCount: count - 1)
        precondition((try? decode(bytes, smaller)) == nil, "decoded past a limit of \(count - 1) samples")
    }

    /// Unsigned samples lie in `0 ..< 2^precision`; signed ones are sign-extended from `precision` bits.
    static func checkRange(_ image: DecodedCodestream) {
        let precision = image.precision
        switch image.samples {
        case .uint8(let samples):
            precondition(precision <= 8, "precision \(precision) in 8-bit samples")
            for sample in samples { check(Int(Int8(bitPattern: sample)), Int(sample), image) }
        case .uint16(let samples):
            precondition(precision > 8, "precision \(precision) in 16-bit samples")
            for sample in samples { check(Int(Int16(bitPattern: sample)), Int(sample), image) }
        case .uint32:
            preconditionFailure("32-bit samples from a decoder limited to 16 bits")
        }
    }

    @inline(__always)
    static func check(_ signed: Int, _ unsigned: Int, _ image: DecodedCodestream) {
        if image.isSigned {
            let half = 1 << (image.precision - 1)
            precondition(signed >= -half && signed < half, "signed sample \(signed) beyond \(image.precision) bits")
        } else {
            precondition(unsigned >> image.precision == 0, "sample \(unsigned) beyond \(image.precision) bits")
        }
    }
}
