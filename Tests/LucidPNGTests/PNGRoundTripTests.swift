import LucidCodecs
import LucidImaging
import LucidPNG
import LucidTestSupport
import Testing

@Suite("PNG round trips")
struct PNGRoundTripTests {
    @Test("8-bit images survive encode and decode bit-exactly", arguments: TestImages.oddSizes.indices)
    func roundTrip8(sizeIndex: Int) throws {
        let size = TestImages.oddSizes[sizeIndex]
        let image = TestImages.random(
            UInt8.self, width: size.width, height: size.height, seed: 8 + UInt64(sizeIndex))
        let decoded = try PNGCodec.decode(PNGCodec.encode(image))
        #expect(decoded.image == .gray8(image))
        #expect(decoded.storedBitDepth == 8)
        #expect(decoded.textChunks.isEmpty)
    }

    @Test("16-bit images survive encode and decode bit-exactly", arguments: TestImages.oddSizes.indices)
    func roundTrip16(sizeIndex: Int) throws {
        let size = TestImages.oddSizes[sizeIndex]
        let image = TestImages.random(
            UInt16.self, width: size.width, height: size.height, seed: 16 + UInt64(sizeIndex))
        let decoded = try PNGCodec.decode(PNGCodec.encode(image))
        #expect(decoded.image == .gray16(image))
        #expect(decoded.storedBitDepth == 16)
    }

    @Test("gamma and sRGB chunks do not alter the samples")
    func gammaIgnored() throws {
        let image = TestImages.random(UInt16.self, width: 19, height: 4, seed: 77)
        let file = try PNGCodec.encode(image)
        let ihdrEnd = PNGBytes.signature.count + 25
        let extra = PNGBytes.chunk("gAMA", PNGBytes.bigEndian32(100_000)) + PNGBytes.chunk("sRGB", [0])
        let edited = Array(file.prefix(ihdrEnd)) + extra + Array(file.dropFirst(ihdrEnd))
        #expect(try PNGCodec.decode(edited).image == .gray16(image))
    }

    @Test("every zlib level round-trips; levels outside 0...9 are rejected")
    func compressionLevels() throws {
        let image = TestImages.random(UInt16.self, width: 31, height: 9, seed: 3)
        for level in 0...9 {
            let decoded = try PNGCodec.decode(PNGCodec.encode(image, compression: .zlib(level: level)))
            #expect(decoded.image == .gray16(image))
        }
        #expect(throws: CodecError.invalidCompressionLevel(10)) {
            try PNGCodec.encode(image, compression: .zlib(level: 10))
        }
        #expect(throws: CodecError.invalidCompressionLevel(-1)) {
            try PNGCodec.encode(image, compression: .zlib(level: -1))
        }
    }

    @Test("1-, 2- and 4-bit grayscale files are scaled to 8 bits")
    func lowBitDepths() throws {
        // Each row: filter byte 0, then packed samples. Width 3, height 2.
        let cases: [(depth: UInt8, scanlines: [UInt8], expected: [UInt8])] = [
            (1, [0, 0b1010_0000, 0, 0b0110_0000], [255, 0, 255, 0, 255, 255]),
            (2, [0, 0b0001_1011, 0, 0b1110_0100], [0, 85, 170, 255, 170, 85]),
            (4, [0, 0x0F, 0x30, 0, 0x12, 0xA0], [0, 255, 51, 17, 34, 170]),
        ]
        for testCase in cases {
            let file = PNGBytes.file(
                width: 3, height: 2, bitDepth: testCase.depth, colorType: 0, scanlines: testCase.scanlines)
            let decoded = try PNGCodec.decode(file)
            #expect(decoded.image == .gray8(GrayImage(width: 3, height: 2, pixels: testCase.expected)))
            #expect(decoded.storedBitDepth == Int(testCase.depth))
        }
    }

    @Test("a hand-made 8-bit file with filter types 1-4 decodes to the expected samples")
    func handMadeFilters() throws {
        // Width 2, rows: None [10, 20]; Sub [5, 5] -> [5, 10]; Up [1, 1] -> [6, 11];
        // Average [6, 3] -> [6 + (0 + 6) / 2, 3 + (9 + 11) / 2] = [9, 13];
        // Paeth [0, 0] -> predictor picks the row above -> [9, 13].
        let scanlines: [UInt8] = [0, 10, 20, 1, 5, 5, 2, 1, 1, 3, 6, 3, 4, 0, 0]
        let file = PNGBytes.file(width: 2, height: 5, bitDepth: 8, colorType: 0, scanlines: scanlines)
        let decoded = try PNGCodec.decode(file)
        let expected: [UInt8] = [10, 20, 5, 10, 6, 11, 9, 13, 9, 13]
        #expect(decoded.image == .gray8(GrayImage(width: 2, height: 5, pixels: expected)))
    }
}
