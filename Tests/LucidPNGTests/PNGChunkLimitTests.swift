import Foundation
import LucidCodecs
import LucidImaging
import LucidPNG
import Testing

/// A PNG cannot make Lucid allocate more than the file's own size for a chunk, nor inflate text
/// without bound: declared lengths are checked against the bytes present, and libpng's chunk
/// allocations are capped at 8 MB.
@Suite("PNG chunk lengths and text sizes are bounded")
struct PNGChunkLimitTests {
    /// Fuzz reproducer (FuzzPNG, out-of-memory): a 200-byte 4 x 4 16-bit PNG whose zTXt chunk at
    /// byte 65 declares 872,415,258 bytes of data; libpng allocated them before finding the file
    /// truncated.
    static let declaredHugeChunk =
        "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAEEAAAAADcCh3hAAAAFHRFWHRTb2Z0d2FyZQBMdWNpZAgCAAAAAAAAAAA0AAAaelRYdFN0ZX"
        + "BzAEF4nCvPzEvJL7dKy8xJBQAbRQRzZPhMxwAAABhpVFh0U291cmNlAAAAAABjYWbDqSDimIMuZGNta0UlrwAAACVJREFUeNpjYG"
        + "CQ/2//P/4/kHq1Kv5//X8GEK/+//z/DBBq/38AUB0VOBeTj3sAAAAASUVORK5CYII="

    static let header = PNGBytes.signature + PNGBytes.ihdr(width: 1, height: 1, bitDepth: 16, colorType: 0)
    static let pixelData = PNGBytes.chunk("IDAT", PNGBytes.zlibStored([0, 0x12, 0x34])) + PNGBytes.chunk("IEND", [])

    @Test func chunkDeclaringMoreThanTheFileHoldsIsRefusedBeforeAllocation() throws {
        let bytes = [UInt8](try #require(Data(base64Encoded: Self.declaredHugeChunk)))
        #expect(bytes.count == 200)
        let message =
            "chunk 'zTXt' at byte 65 declares 872415258 bytes of data, but only 123 remain (file truncated or corrupt)"
        #expect(throws: CodecError.png(operation: "read header", message: message)) { try PNGCodec.decode(bytes) }
    }

    @Test func fileEndingInsideAChunkHeaderIsReported() {
        let bytes = Self.header + [0, 0, 0, 0, 0x49]
        let message = "the file ends inside a chunk header at byte 33"
        #expect(throws: CodecError.png(operation: "read header", message: message)) { try PNGCodec.decode(bytes) }
    }

    @Test func textInflatingBeyondTheCapIsDroppedAndTheImageRead() throws {
        let big = [UInt8](repeating: 0x61, count: 9_000_000)
        let bytes =
            Self.header + PNGBytes.chunk("zTXt", Array("Big".utf8) + [0, 0] + PNGBytes.zlibStored(big))
            + PNGBytes.chunk("zTXt", Array("Small".utf8) + [0, 0] + PNGBytes.zlibStored(Array("kept".utf8)))
            + Self.pixelData
        let decoded = try PNGCodec.decode(bytes)
        #expect(decoded.image == .gray16(GrayImage(width: 1, height: 1, pixels: [0x1234])))
        #expect(decoded.textChunks == [PNGTextChunk(keyword: "Small", text: "kept")])
    }
}
