import LucidCodecs
import LucidImaging
import LucidPNG

/// Decodes fuzzed bytes as a PNG (libpng behind the C shim, then Lucid's conversion), and checks
/// that what decodes survives a round trip through Lucid's own encoder: same samples at the same
/// depth, same text chunks.
enum PNGProbe {
    /// 2^22 pixels (4 MiB at 8 bits) instead of the default 2^28, so oversized headers are refused
    /// before zeroing memory; the same check runs.
    static let maximumPixelCount = 1 << 22

    static func run(_ bytes: [UInt8]) {
        guard let decoded = try? PNGCodec.decode(bytes, maximumPixelCount: maximumPixelCount) else { return }
        let image = decoded.image
        precondition(image.width >= 1 && image.height >= 1, "a PNG without pixels was accepted")
        precondition(image.width * image.height <= maximumPixelCount, "the pixel limit was not applied")
        precondition([1, 2, 4, 8, 16].contains(decoded.storedBitDepth), "bit depth \(decoded.storedBitDepth)")
        let chunks = decoded.textChunks.filter { PNGTextChunk.isValidKeyword($0.keyword) }
        let encoded: [UInt8]
        do throws(CodecError) {
            switch image {
            case .gray8(let samples): encoded = try PNGCodec.encode(samples, textChunks: chunks)
            case .gray16(let samples): encoded = try PNGCodec.encode(samples, textChunks: chunks)
            }
        } catch {
            if case .invalidTextValue = error { return }
            preconditionFailure("a decoded PNG does not encode again: \(error)")
        }
        guard let again = try? PNGCodec.decode(encoded, maximumPixelCount: maximumPixelCount) else {
            preconditionFailure("Lucid cannot read the PNG it wrote")
        }
        precondition(again.image == image, "the samples changed in a round trip")
        precondition(again.textChunks == chunks, "the text chunks changed in a round trip")
    }
}
