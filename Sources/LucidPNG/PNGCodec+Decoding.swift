import CCodecShims
import CPNGShim
import LucidCodecs
import LucidImaging

extension PNGCodec {
    /// Decodes a grayscale PNG file.
    ///
    /// Bit depths 1, 2 and 4 are scaled to 8 bits (0/255, multiples of 85, multiples of 17);
    /// 8-bit files give `.gray8`, 16-bit files `.gray16`. Interlaced files are supported.
    /// Gamma and transparency chunks are ignored: samples come back as stored. A text or other
    /// ancillary chunk larger than 8 MB once decompressed is dropped, and a chunk whose declared
    /// length runs past the end of `bytes` is an error before anything is allocated for it.
    /// - Parameters:
    ///   - bytes: the complete PNG file.
    ///   - maximumPixelCount: largest `width * height` accepted before allocating; default 2^28.
    /// - Throws: `.pngNotGrayscale` for colour, palette or alpha files; `.imageTooLarge` when the
    ///   header exceeds `maximumPixelCount`; `.png` for malformed, truncated or corrupt data.
    public static func decode(
        _ bytes: [UInt8], maximumPixelCount: Int = CodecLimits.defaultMaximumPixelCount
    ) throws(CodecError) -> DecodedPNG {
        try PNGChunkLayout.checkLengths(bytes)
        let header = try readHeader(bytes)
        guard header.color_type == LUCID_PNG_COLOR_GRAY else {
            throw .pngNotGrayscale(colorType: Int(header.color_type))
        }
        let width = Int(header.width)
        let height = Int(header.height)
        let count = try CodecLimits.checkedPixelCount(
            width: width, height: height, maximumPixelCount: maximumPixelCount)

        var text = lucid_png_text_list()
        defer { lucid_png_text_list_free(&text) }
        let image: PNGGrayImage
        if header.bit_depth == 16 {
            var pixels = [UInt16](repeating: 0, count: count)
            try decodePixels(bytes, into: &pixels, text: &text)
            image = .gray16(GrayImage(width: width, height: height, pixels: pixels))
        } else {
            var pixels = [UInt8](repeating: 0, count: count)
            try decodePixels(bytes, into: &pixels, text: &text)
            image = .gray8(GrayImage(width: width, height: height, pixels: pixels))
        }
        return DecodedPNG(
            image: image, storedBitDepth: Int(header.bit_depth), textChunks: textChunks(of: text))
    }

    private static func readHeader(_ bytes: [UInt8]) throws(CodecError) -> lucid_png_header {
        var header = lucid_png_header()
        let failure = callShim { message, capacity in
            lucid_png_read_header(bytes, bytes.count, &header, message, capacity)
        }
        if let failure { throw .png(operation: "read header", message: failure) }
        return header
    }

    private static func decodePixels<Pixel>(
        _ bytes: [UInt8], into pixels: inout [Pixel], text: inout lucid_png_text_list
    ) throws(CodecError) {
        let failure = pixels.withUnsafeMutableBytes { buffer in
            callShim { message, capacity in
                lucid_png_decode_gray(
                    bytes, bytes.count, buffer.baseAddress, buffer.count, &text, message, capacity)
            }
        }
        if let failure { throw .png(operation: "decode", message: failure) }
    }

    private static func textChunks(of list: lucid_png_text_list) -> [PNGTextChunk] {
        guard let entries = list.entries else { return [] }
        return UnsafeBufferPointer(start: entries, count: list.count).map { entry in
            PNGTextChunk(
                keywordLatin1: cStringBytes(entry.keyword), textBytes: cStringBytes(entry.text),
                textIsUTF8: entry.is_utf8 != 0)
        }
    }

    private static func cStringBytes(_ pointer: UnsafeMutablePointer<CChar>?) -> [UInt8] {
        guard let pointer else { return [] }
        var bytes: [UInt8] = []
        var cursor = pointer
        while cursor.pointee != 0 {
            bytes.append(UInt8(bitPattern: cursor.pointee))
            cursor += 1
        }
        return bytes
    }
}
