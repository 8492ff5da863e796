import CCodecShims
import CPNGShim
import LucidCodecs
import LucidImaging

/// Grayscale and RGB PNG encoding (through libpng, or for `PNGCompression.fast` Lucid's own chunk
/// writer and literal-only Huffman deflate), grayscale PNG decoding through libpng.
///
/// Samples are written exactly (PNG is lossless): 8-bit images as bit depth 8, 16-bit images
/// as bit depth 16 with big-endian samples on disk, as the PNG specification requires.
public enum PNGCodec {
    /// Encodes an 8-bit grayscale image as a PNG file.
    /// - Parameters:
    ///   - image: the samples, 0...255.
    ///   - textChunks: text chunks written before the image data, e.g. source file, frame and
    ///     window of a rendering; keywords are validated (see `PNGTextChunk.keyword`).
    ///   - compression: `.fast` (default), `.small` or `.zlib(level:)`; see `PNGCompression`.
    /// - Returns: the complete PNG file.
    public static func encode(
        _ image: GrayImage<UInt8>,
        textChunks: [PNGTextChunk] = [],
        compression: PNGCompression = .fast
    ) throws(CodecError) -> [UInt8] {
        try encodeSamples(
            image.pixels, width: image.width, height: image.height, channels: 1, bitDepth: 8, textChunks: textChunks,
            compression: compression)
    }

    /// Encodes a 16-bit grayscale image as a 16-bit PNG file (big-endian samples on disk).
    /// Parameters as for the 8-bit overload; samples are 0...65535.
    public static func encode(
        _ image: GrayImage<UInt16>,
        textChunks: [PNGTextChunk] = [],
        compression: PNGCompression = .fast
    ) throws(CodecError) -> [UInt8] {
        try encodeSamples(
            image.pixels, width: image.width, height: image.height, channels: 1, bitDepth: 16, textChunks: textChunks,
            compression: compression)
    }

    /// Encodes an 8-bit RGB image as a PNG file (colour type 2). Parameters as for the grayscale
    /// overloads.
    public static func encode(
        _ image: ColorImage<UInt8>, textChunks: [PNGTextChunk] = [], compression: PNGCompression = .fast
    ) throws(CodecError) -> [UInt8] {
        try encodeSamples(
            image.samples, width: image.width, height: image.height, channels: 3, bitDepth: 8, textChunks: textChunks,
            compression: compression)
    }

    /// Encodes a 16-bit RGB image as a 16-bit PNG file (colour type 2, big-endian samples on disk).
    public static func encode(
        _ image: ColorImage<UInt16>, textChunks: [PNGTextChunk] = [], compression: PNGCompression = .fast
    ) throws(CodecError) -> [UInt8] {
        try encodeSamples(
            image.samples, width: image.width, height: image.height, channels: 3, bitDepth: 16, textChunks: textChunks,
            compression: compression)
    }

    /// The largest width or height a PNG may declare: 2^31 - 1 pixels.
    static let maximumDimension = Int(Int32.max)

    private static func encodeSamples<Sample>(
        _ samples: [Sample], width: Int, height: Int, channels: Int32, bitDepth: Int32, textChunks: [PNGTextChunk],
        compression: PNGCompression
    ) throws(CodecError) -> [UInt8] {
        var level: Int32 = 1, filter: Int32 = 1
        switch compression {
        case .fast: break
        case .small: filter = 3
        case .zlib(let zlibLevel):
            guard (0...9).contains(zlibLevel) else { throw .invalidCompressionLevel(zlibLevel) }
            level = Int32(zlibLevel)
        }
        let size = try CodecLimits.encoderDimensions(width: width, height: height, limit: maximumDimension)
        var texts: [EncodedPNGText] = []
        for chunk in textChunks { texts.append(try EncodedPNGText(chunk)) }

        var output = lucid_codec_buffer()
        defer { lucid_codec_buffer_free(&output) }
        let failure = withCTextArray(texts) { entries, count in
            samples.withUnsafeBytes { pixels in
                callShim { message, capacity in
                    if compression == .fast {
                        return lucid_png_encode_fast(
                            pixels.baseAddress, size.width, size.height, bitDepth, channels, entries, count,
                            &output, message, capacity)
                    }
                    return lucid_png_encode(
                        pixels.baseAddress, size.width, size.height, bitDepth, channels, level, filter, entries,
                        count, &output, message, capacity)
                }
            }
        }
        if let failure { throw .png(operation: "encode", message: failure) }
        return output.bytes
    }

    /// Calls `body` with a C array of text descriptions whose strings stay valid during the call.
    private static func withCTextArray<Result>(
        _ texts: [EncodedPNGText],
        _ body: (UnsafePointer<lucid_png_text_in>?, Int) -> Result
    ) -> Result {
        var storage: [CChar] = []
        var offsets: [(keyword: Int, text: Int, international: Bool)] = []
        for text in texts {
            let keywordOffset = storage.count
            storage.append(contentsOf: text.keyword.map { CChar(bitPattern: $0) })
            let textOffset = storage.count
            storage.append(contentsOf: text.text.map { CChar(bitPattern: $0) })
            offsets.append((keywordOffset, textOffset, text.international))
        }
        return storage.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return body(nil, 0) }
            let entries = offsets.map { entry in
                lucid_png_text_in(
                    keyword: base + entry.keyword, text: base + entry.text,
                    international: entry.international ? 1 : 0)
            }
            return entries.withUnsafeBufferPointer { body($0.baseAddress, $0.count) }
        }
    }
}
