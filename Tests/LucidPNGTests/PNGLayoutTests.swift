import CZlib
import LucidImaging
import LucidPNG
import LucidTestSupport
import Testing

/// Checks the encoder's bytes on disk without libpng: chunk parsing, zlib inflate, unfiltering.
@Suite("PNG layout on disk")
struct PNGLayoutTests {
    @Test("16-bit samples are stored big-endian and IHDR says gray, depth 16")
    func sixteenBitIsBigEndian() throws {
        let image = TestImages.random(UInt16.self, width: 13, height: 5, seed: 99)
        let file = try PNGCodec.encode(image)
        #expect(Array(file.prefix(8)) == PNGBytes.signature)
        let chunks = PNGBytes.chunks(of: file)
        let header = try #require(chunks.first)
        #expect(header.type == "IHDR")
        #expect(header.data == PNGBytes.bigEndian32(13) + PNGBytes.bigEndian32(5) + [16, 0, 0, 0, 0])

        let compressed = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        let scanlines = try inflate(compressed, expectedCount: 5 * (1 + 13 * 2))
        let raw = unfilter(scanlines, rowBytes: 13 * 2, bytesPerPixel: 2, rows: 5)
        let expected = image.pixels.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(raw == expected)
    }

    @Test("a 1x1 16-bit image holds 0x0102 as bytes 01 02")
    func singlePixelBytes() throws {
        let file = try PNGCodec.encode(GrayImage<UInt16>(width: 1, height: 1, pixels: [0x0102]))
        let compressed = PNGBytes.chunks(of: file).filter { $0.type == "IDAT" }.flatMap(\.data)
        let scanline = try inflate(compressed, expectedCount: 3)
        // With one pixel every filter type leaves the bytes unchanged.
        #expect(Array(scanline.dropFirst()) == [0x01, 0x02])
    }

    @Test("every CRC written by the encoder is correct")
    func chunkCRCs() throws {
        let file = try PNGCodec.encode(
            TestImages.random(UInt8.self, width: 9, height: 9, seed: 5),
            textChunks: [PNGTextChunk(keyword: "Title", text: "crc")])
        var offset = 8
        var types: [String] = []
        while offset + 12 <= file.count {
            let length = Int(PNGBytes.readBigEndian32(file, at: offset))
            let body = Array(file[(offset + 4)..<(offset + 8 + length)])
            #expect(PNGBytes.readBigEndian32(file, at: offset + 8 + length) == PNGBytes.crc32(body))
            types.append(String(decoding: body.prefix(4), as: UTF8.self))
            offset += 12 + length
        }
        #expect(offset == file.count)
        #expect(types.first == "IHDR" && types.last == "IEND" && types.contains("tEXt"))
    }

    private func inflate(_ compressed: [UInt8], expectedCount: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: expectedCount)
        var outputLength = uLongf(expectedCount)
        let status = uncompress(&output, &outputLength, compressed, uLong(compressed.count))
        try #require(status == Z_OK)
        try #require(Int(outputLength) == expectedCount)
        return output
    }

    /// Reverses PNG filters 0-4 (PNG specification, section 9).
    private func unfilter(_ data: [UInt8], rowBytes: Int, bytesPerPixel: Int, rows: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: rowBytes * rows)
        for row in 0..<rows {
            let filter = data[row * (rowBytes + 1)]
            for i in 0..<rowBytes {
                let x = Int(data[row * (rowBytes + 1) + 1 + i])
                let a = i >= bytesPerPixel ? Int(out[row * rowBytes + i - bytesPerPixel]) : 0
                let b = row > 0 ? Int(out[(row - 1) * rowBytes + i]) : 0
                let c = row > 0 && i >= bytesPerPixel ? Int(out[(row - 1) * rowBytes + i - bytesPerPixel]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: predictor = 0
                }
                out[row * rowBytes + i] = UInt8((x + predictor) & 0xFF)
            }
        }
        return out
    }
}
