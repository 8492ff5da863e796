import LucidCodecs
import LucidImaging
import LucidPNG
import LucidRendering

/// Encodes a rendering as PNG (recipe in text chunks) or JPEG (recipe in a COM marker).
enum RenditionEncoder {
    static func encode(
        _ rendering: Rendering, format: RenditionFormat, provenance: [(key: String, value: String)], quality: Int,
        pngCompression: PNGCompression = .fast
    ) throws(CodecError) -> [UInt8] {
        let chunks = provenance.map { PNGTextChunk(keyword: $0.key, text: $0.value) }
        let comment = provenance.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        switch (format, rendering.image8, rendering.image16, rendering.color8, rendering.color16) {
        case (.png, let image?, _, _, _):
            return try PNGCodec.encode(image, textChunks: chunks, compression: pngCompression)
        case (.png16, _, let image?, _, _):
            return try PNGCodec.encode(image, textChunks: chunks, compression: pngCompression)
        case (.png, _, _, let image?, _):
            return try PNGCodec.encode(image, textChunks: chunks, compression: pngCompression)
        case (.png16, _, _, _, let image?):
            return try PNGCodec.encode(image, textChunks: chunks, compression: pngCompression)
        case (.jpeg, let image?, _, _, _): return withComment(try JPEGCodec.encode(image, quality: quality), comment)
        case (.jpeg, _, _, let image?, _): return withComment(try JPEGCodec.encode(image, quality: quality), comment)
        default:
            throw .png(operation: "encode", message: "no \(format.depth)-bit rendering to encode as \(format.rawValue)")
        }
    }

    /// `jpeg` with a COM segment (ITU-T T.81, B.2.4.5) holding `text` in UTF-8 right after SOI; text
    /// beyond the segment's 65,533-byte limit is cut.
    static func withComment(_ jpeg: [UInt8], _ text: String) -> [UInt8] {
        guard jpeg.count >= 2, jpeg[0] == 0xFF, jpeg[1] == 0xD8 else { return jpeg }
        let body = Array(text.utf8.prefix(65_533))
        let length = body.count + 2
        var result: [UInt8] = [0xFF, 0xD8, 0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)]
        result.reserveCapacity(jpeg.count + length + 2)
        result += body
        result += jpeg[2...]
        return result
    }
}
