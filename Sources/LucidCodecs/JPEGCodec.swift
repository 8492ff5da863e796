import CCodecShims
import LucidImaging

/// 8-bit JPEG encoding and decoding through libjpeg, in strict mode: any libjpeg warning
/// (premature end of data, corrupt entropy-coded data...) makes decoding fail instead of
/// returning a partly grey image.
public enum JPEGCodec {
    /// Largest width or height libjpeg handles: 65,500 pixels.
    public static let maximumDimension = 65_500

    /// Encodes an 8-bit grayscale image as a baseline (SOF0) JFIF JPEG.
    /// - Parameters:
    ///   - image: samples 0...255; width and height at most 65,500.
    ///   - quality: libjpeg quality 1 (smallest) ... 100 (best); 90-95 keeps fine detail.
    /// - Returns: the complete JPEG file.
    public static func encode(_ image: GrayImage<UInt8>, quality: Int) throws(CodecError) -> [UInt8] {
        try encode(image.pixels, width: image.width, height: image.height, components: 1, quality: quality)
    }

    /// Encodes an 8-bit RGB image as a baseline JFIF JPEG (stored as YCbCr, chroma subsampled 2x2
    /// as libjpeg does by default). Parameters as for the grayscale overload.
    public static func encode(_ image: ColorImage<UInt8>, quality: Int) throws(CodecError) -> [UInt8] {
        try encode(image.samples, width: image.width, height: image.height, components: 3, quality: quality)
    }

    private static func encode(_ samples: [UInt8], width: Int, height: Int, components: Int32, quality: Int)
        throws(CodecError) -> [UInt8]
    {
        guard (1...100).contains(quality) else { throw .invalidQuality(quality) }
        let size = try CodecLimits.encoderDimensions(width: width, height: height, limit: maximumDimension)
        var output = lucid_codec_buffer()
        defer { lucid_codec_buffer_free(&output) }
        let failure = samples.withUnsafeBufferPointer { pixels in
            callShim { message, capacity in
                lucid_jpeg_encode8(
                    pixels.baseAddress, size.width, size.height, components, Int32(quality), &output, message, capacity)
            }
        }
        if let failure { throw .jpeg(operation: "encode", message: failure) }
        return output.bytes
    }

    /// Reads the markers up to the first scan of a JPEG stream.
    /// - Throws: `.unsupportedPrecision` when the frame is not 8-bit (e.g. 12-bit SOF1),
    ///   `.unsupportedComponentCount` unless it has 1 or 3 components, `.jpeg` otherwise.
    public static func readHeader(_ bytes: [UInt8]) throws(CodecError) -> JPEGHeader {
        var header = lucid_jpeg_header()
        let failure = callShim { message, capacity in
            lucid_jpeg_read_header(bytes, bytes.count, &header, message, capacity)
        }
        if header.precision != 0 && header.precision != 8 {
            throw .unsupportedPrecision(Int(header.precision))
        }
        if let failure { throw .jpeg(operation: "read header", message: failure) }
        guard header.components == 1 || header.components == 3 else {
            throw .unsupportedComponentCount(Int(header.components))
        }
        return JPEGHeader(header)
    }

    /// Decodes one JPEG stream without colour conversion: YCbCr stays YCbCr, RGB stays RGB.
    ///
    /// Bytes after the EOI marker (such as the pad byte of an odd-length DICOM frame) are
    /// ignored. Missing or corrupt data before EOI is an error.
    /// - Parameters:
    ///   - bytes: one complete JPEG stream (for DICOM, the frame's fragments concatenated).
    ///   - maximumPixelCount: largest `width * height` accepted before allocating; default 2^28.
    public static func decode(
        _ bytes: [UInt8], maximumPixelCount: Int = CodecLimits.defaultMaximumPixelCount
    ) throws(CodecError) -> JPEGImage {
        let header = try readHeader(bytes)
        return try decodeSamples(bytes, header: header, maximumPixelCount: maximumPixelCount)
    }

    /// Decodes a one-component (grayscale) JPEG stream.
    /// - Throws: `.notGrayscale` for streams with 3 components, plus the errors of `decode`.
    public static func decodeGray8(
        _ bytes: [UInt8], maximumPixelCount: Int = CodecLimits.defaultMaximumPixelCount
    ) throws(CodecError) -> GrayImage<UInt8> {
        let header = try readHeader(bytes)
        guard header.components == 1 else { throw .notGrayscale(components: header.components) }
        let image = try decodeSamples(bytes, header: header, maximumPixelCount: maximumPixelCount)
        return GrayImage(width: image.width, height: image.height, pixels: image.samples)
    }

    private static func decodeSamples(
        _ bytes: [UInt8], header: JPEGHeader, maximumPixelCount: Int
    ) throws(CodecError) -> JPEGImage {
        let pixelCount = try CodecLimits.checkedPixelCount(
            width: header.width, height: header.height, maximumPixelCount: maximumPixelCount)
        let (sampleCount, overflow) = pixelCount.multipliedReportingOverflow(by: header.components)
        guard !overflow else {
            throw .imageTooLarge(
                width: header.width, height: header.height, maximumPixelCount: maximumPixelCount)
        }
        var samples = [UInt8](repeating: 0, count: sampleCount)
        var decoded = lucid_jpeg_header()
        let failure = samples.withUnsafeMutableBufferPointer { buffer in
            callShim { message, capacity in
                lucid_jpeg_decode(
                    bytes, bytes.count, buffer.baseAddress, buffer.count, &decoded, message, capacity)
            }
        }
        if let failure { throw .jpeg(operation: "decode", message: failure) }
        guard JPEGHeader(decoded) == header else {
            throw .jpeg(operation: "decode", message: "the frame header changed between reads")
        }
        return JPEGImage(
            width: header.width, height: header.height, components: header.components,
            precision: header.precision, colorSpace: header.colorSpace, samples: samples)
    }
}
