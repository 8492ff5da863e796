import LucidCodecs
import LucidImaging
import LucidTestSupport
import Testing

@Suite("JPEG encode and decode")
struct JPEGCodecTests {
    @Test("a smooth image at quality 95 comes back within a few grey levels, PSNR > 40 dB")
    func quality95RoundTrip() throws {
        let image = TestImages.smooth(width: 257, height: 129)
        let bytes = try JPEGCodec.encode(image, quality: 95)
        let decoded = try JPEGCodec.decodeGray8(bytes)
        #expect(decoded.width == 257 && decoded.height == 129)
        #expect(TestImages.maximumDifference(decoded.pixels, image.pixels) <= 6)
        #expect(TestImages.psnr(decoded.pixels, image.pixels) > 40)
    }

    @Test("the encoder writes a baseline (SOF0) frame and the header reads back")
    func baselineHeader() throws {
        let bytes = try JPEGCodec.encode(TestImages.smooth(width: 33, height: 7), quality: 80)
        #expect(Array(bytes.prefix(2)) == [0xFF, 0xD8] && Array(bytes.suffix(2)) == [0xFF, 0xD9])
        let markers = zip(bytes, bytes.dropFirst()).filter { $0.0 == 0xFF }.map(\.1)
        #expect(markers.contains(0xC0))
        #expect(!markers.contains(0xC1) && !markers.contains(0xC2))
        let header = try JPEGCodec.readHeader(bytes)
        #expect(header == JPEGHeader(width: 33, height: 7, components: 1, precision: 8, colorSpace: .grayscale))
    }

    @Test("odd sizes including 1x1 round-trip with the right dimensions")
    func oddSizes() throws {
        for size in TestImages.oddSizes {
            let image = TestImages.random(UInt8.self, width: size.width, height: size.height, seed: 2)
            let decoded = try JPEGCodec.decodeGray8(JPEGCodec.encode(image, quality: 100))
            #expect(decoded.width == size.width && decoded.height == size.height)
        }
    }

    @Test("quality must be 1...100", arguments: [0, -5, 101, 1000])
    func invalidQuality(quality: Int) {
        let image = GrayImage<UInt8>(width: 2, height: 2, repeating: 9)
        #expect(throws: CodecError.invalidQuality(quality)) { try JPEGCodec.encode(image, quality: quality) }
    }

    @Test("lower quality gives smaller files", arguments: [1, 50, 100])
    func qualityRange(quality: Int) throws {
        let image = TestImages.smooth(width: 64, height: 64)
        let bytes = try JPEGCodec.encode(image, quality: quality)
        #expect(try JPEGCodec.decodeGray8(bytes).width == 64)
        if quality < 100 {
            #expect(bytes.count < (try JPEGCodec.encode(image, quality: 100)).count)
        }
    }

    @Test("a pad byte after EOI, as in an odd-length DICOM frame, is accepted")
    func trailingPadding() throws {
        let image = TestImages.smooth(width: 16, height: 16)
        let bytes = try JPEGCodec.encode(image, quality: 90)
        let plain = try JPEGCodec.decodeGray8(bytes)
        #expect(try JPEGCodec.decodeGray8(bytes + [0x00]) == plain)
        #expect(try JPEGCodec.decodeGray8(bytes + [0x00, 0x00, 0x00, 0x00]) == plain)
    }

    @Test("three-component YCbCr is returned without colour conversion")
    func colourStaysYCbCr() throws {
        let image = try JPEGCodec.decode(JPEGTestData.color16x8)
        #expect(image.width == 16 && image.height == 8 && image.components == 3)
        #expect(image.colorSpace == .yCbCr && image.precision == 8)
        #expect(image.samples.count == 16 * 8 * 3)
        // Pixel (0, 0) is RGB(0, 0, 128): Y = 15, Cb = 192, Cr = 118 (an RGB decode gives 0, 0, 128).
        let first = Array(image.samples.prefix(3)).map(Int.init)
        #expect(abs(first[0] - 15) <= 6 && abs(first[1] - 192) <= 6 && abs(first[2] - 118) <= 6)
    }

    @Test("decodeGray8 refuses a colour stream")
    func grayOnly() {
        #expect(throws: CodecError.notGrayscale(components: 3)) {
            try JPEGCodec.decodeGray8(JPEGTestData.color16x8)
        }
    }

    @Test("the pixel cap applies to JPEG too")
    func pixelCap() throws {
        let bytes = try JPEGCodec.encode(TestImages.smooth(width: 20, height: 10), quality: 90)
        #expect(throws: CodecError.imageTooLarge(width: 20, height: 10, maximumPixelCount: 199)) {
            try JPEGCodec.decode(bytes, maximumPixelCount: 199)
        }
    }
}
