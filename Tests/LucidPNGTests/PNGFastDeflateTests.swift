import CZlib
import LucidImaging
import LucidPNG
import LucidTestSupport
import Testing

/// The image data of `PNGCompression.fast`: AVERAGE-filtered rows (PNG §9.2) in a zlib stream of
/// literal-only dynamic Huffman blocks of at most 1 MiB of input each, stored blocks where Huffman
/// coding would not be smaller. Each stream is inflated by zlib and its blocks walked with zlib's
/// `Z_BLOCK`, independently of the encoder.
@Suite("PNG fast deflate")
struct PNGFastDeflateTests {
    /// One deflate block as zlib sees it: its type (RFC 1951 §3.2.3: 0 stored, 1 fixed, 2 dynamic)
    /// and whether it is the final one.
    struct Block: Equatable {
        let type: Int
        let final: Bool
    }

    @Test("a rendering of 1.6 MB of rows is two dynamic Huffman blocks, AVERAGE-filtered, zlib-valid")
    func twoDynamicBlocks() throws {
        let image = Self.radiograph(width: 1024, height: 1536)
        let (rows, blocks) = try Self.inflateBlocks(PNGCodec.encode(image, compression: .fast))
        #expect(rows == Self.averageFiltered(image.pixels, width: 1024, height: 1536))
        #expect(blocks == [Block(type: 2, final: false), Block(type: 2, final: true)])
    }

    @Test("random bytes, which Huffman coding cannot shrink, are stored in blocks of at most 65,535 bytes")
    func randomBytesAreStored() throws {
        let image = TestImages.random(UInt8.self, width: 1000, height: 200, seed: 3)
        let file = try PNGCodec.encode(image, compression: .fast)
        let (rows, blocks) = try Self.inflateBlocks(file)
        #expect(rows == Self.averageFiltered(image.pixels, width: 1000, height: 200))
        // 200,200 filtered bytes: four stored blocks, the last final.
        #expect(blocks.map(\.type) == [0, 0, 0, 0] && blocks.map(\.final) == [false, false, false, true])
        #expect(file.count < 200_200 + 200, "\(file.count) bytes")
    }

    @Test("a constant image (one byte value after filtering) and a 1x1 image decode exactly")
    func degenerateImages() throws {
        let constant = GrayImage<UInt8>(width: 300, height: 200, repeating: 77)
        let (rows, blocks) = try Self.inflateBlocks(PNGCodec.encode(constant, compression: .fast))
        #expect(rows == Self.averageFiltered(constant.pixels, width: 300, height: 200))
        #expect(blocks == [Block(type: 2, final: true)])
        #expect(try PNGCodec.decode(PNGCodec.encode(constant, compression: .fast)).image == .gray8(constant))
        let single = GrayImage<UInt16>(width: 1, height: 1, pixels: [0xBEEF])
        #expect(try PNGCodec.decode(PNGCodec.encode(single, compression: .fast)).image == .gray16(single))
    }

    @Test("16-bit rows are filtered as big-endian bytes, one pixel being two bytes to the left")
    func sixteenBitRows() throws {
        let image = TestImages.random(UInt16.self, width: 37, height: 11, seed: 8)
        let (rows, _) = try Self.inflateBlocks(PNGCodec.encode(image, compression: .fast))
        let bytes = image.pixels.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(rows == Self.averageFiltered(bytes, width: 37, height: 11, pixelBytes: 2))
    }

    /// The phantom rendered to 8 bits: radiograph-like rows of smooth anatomy and noise.
    static func radiograph(width: Int, height: Int) -> GrayImage<UInt8> {
        let phantom = SyntheticImage.phantom(width: width, height: height, bits: 12, seed: 11)
        return GrayImage(width: width, height: height, pixels: phantom.pixels.map { UInt8($0 >> 4) })
    }

    /// PNG filter type 3 by its definition: each byte minus floor((left + above) / 2), both 0
    /// outside the image, each row led by its filter type byte.
    static func averageFiltered(_ bytes: [UInt8], width: Int, height: Int, pixelBytes: Int = 1) -> [UInt8] {
        let rowBytes = width * pixelBytes
        var filtered: [UInt8] = []
        filtered.reserveCapacity((rowBytes + 1) * height)
        for y in 0..<height {
            filtered.append(3)
            for i in 0..<rowBytes {
                let left = i >= pixelBytes ? Int(bytes[y * rowBytes + i - pixelBytes]) : 0
                let above = y > 0 ? Int(bytes[(y - 1) * rowBytes + i]) : 0
                filtered.append(UInt8(truncatingIfNeeded: Int(bytes[y * rowBytes + i]) - (left + above) / 2))
            }
        }
        return filtered
    }

    /// Inflates the IDAT data of `file` with zlib one block at a time (`Z_BLOCK`), reading each
    /// block's three header bits where zlib stopped. Returns the inflated bytes and the blocks.
    static func inflateBlocks(_ file: [UInt8]) throws -> (bytes: [UInt8], blocks: [Block]) {
        let compressed = PNGBytes.chunks(of: file).filter { $0.type == "IDAT" }.flatMap(\.data)
        try #require(compressed.count > 6 && compressed[0] == 0x78 && compressed[1] == 0x01)
        var stream = z_stream()
        try #require(inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var blocks: [Block] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        try compressed.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            var status = Z_OK
            while status != Z_STREAM_END {
                // At a block boundary (zlib's data_type & 128, also set after the 2-byte header)
                // the next block's header begins at the first bit zlib has not used.
                if stream.data_type & 128 != 0, stream.avail_in > 0, blocks.last?.final != true {
                    let used = input.count - Int(stream.avail_in)
                    let unused = Int(stream.data_type & 7)
                    let bitOffset = used * 8 - unused
                    let header = (0..<3).map { Int(input[(bitOffset + $0) / 8] >> ((bitOffset + $0) % 8)) & 1 }
                    blocks.append(Block(type: header[1] | header[2] << 1, final: header[0] == 1))
                }
                status = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_BLOCK)
                }
                output += chunk.prefix(chunk.count - Int(stream.avail_out))
                try #require(status == Z_OK || status == Z_STREAM_END, "inflate: \(status)")
            }
        }
        #expect(stream.avail_in == 0, "bytes after the zlib stream")
        return (output, blocks)
    }
}
