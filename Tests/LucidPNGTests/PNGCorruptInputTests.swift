import LucidCodecs
import LucidImaging
import LucidPNG
import LucidTestSupport
import Testing

@Suite("PNG corrupt and hostile input")
struct PNGCorruptInputTests {
    let valid: [UInt8]
    let image = TestImages.random(UInt16.self, width: 37, height: 11, seed: 42)

    init() throws {
        valid = try PNGCodec.encode(image, textChunks: [PNGTextChunk(keyword: "Source", text: "test")])
    }

    @Test("every truncation throws a PNG error")
    func truncations() {
        for length in 0..<valid.count {
            do {
                _ = try PNGCodec.decode(Array(valid.prefix(length)))
                Issue.record("decoding \(length) of \(valid.count) bytes did not fail")
            } catch {
                guard case .png = error else {
                    Issue.record("unexpected error \(error) at length \(length)")
                    continue
                }
            }
        }
    }

    @Test("flipped bytes never crash; a decode that succeeds has the right size")
    func flippedBytes() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<400 {
            var bytes = valid
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            bytes[index] ^= UInt8.random(in: 1...255, using: &generator)
            if let decoded = try? PNGCodec.decode(bytes) {
                #expect(decoded.image.width == 37 && decoded.image.height == 11)
            }
        }
    }

    @Test("a flipped byte inside the image data is detected by the CRC")
    func corruptImageData() throws {
        let idatStart = try #require(findType("IDAT", in: valid))
        var bytes = valid
        bytes[idatStart + 8] ^= 0x40
        #expect(throws: CodecError.self) { try PNGCodec.decode(bytes) }
    }

    @Test("empty input, garbage and a bare signature throw clear errors")
    func garbage() {
        let missingSignature = "not a PNG file (the 8-byte PNG signature is missing)"
        #expect(throws: CodecError.png(operation: "read header", message: missingSignature)) {
            try PNGCodec.decode([])
        }
        var generator = SeededGenerator(seed: 11)
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: CodecError.self) { try PNGCodec.decode(noise) }
        #expect(throws: CodecError.self) { try PNGCodec.decode(PNGBytes.signature) }
        #expect(throws: CodecError.self) { try PNGCodec.decode(PNGBytes.signature + noise) }
    }

    @Test("a header declaring 100000 x 100000 pixels is refused before allocation")
    func hugeDeclaredSize() {
        let header = PNGBytes.ihdr(width: 100_000, height: 100_000, bitDepth: 16, colorType: 0)
        let file =
            PNGBytes.signature + header + PNGBytes.chunk("IDAT", PNGBytes.zlibStored([0, 0]))
            + PNGBytes.chunk("IEND", [])
        #expect(throws: CodecError.imageTooLarge(width: 100_000, height: 100_000, maximumPixelCount: 1 << 28)) {
            try PNGCodec.decode(file)
        }
    }

    @Test("the pixel cap is configurable")
    func smallerCap() throws {
        #expect(throws: CodecError.imageTooLarge(width: 37, height: 11, maximumPixelCount: 100)) {
            try PNGCodec.decode(valid, maximumPixelCount: 100)
        }
        #expect(try PNGCodec.decode(valid, maximumPixelCount: 37 * 11).image == .gray16(image))
    }

    @Test("colour, palette and alpha files are rejected as not grayscale", arguments: [2, 3, 4, 6])
    func colourRejected(colorType: UInt8) {
        let palette = colorType == 3 ? PNGBytes.chunk("PLTE", [0, 0, 0]) : []
        let file =
            PNGBytes.signature + PNGBytes.ihdr(width: 1, height: 1, bitDepth: 8, colorType: colorType)
            + palette + PNGBytes.chunk("IDAT", PNGBytes.zlibStored([0, 0, 0, 0, 0])) + PNGBytes.chunk("IEND", [])
        #expect(throws: CodecError.pngNotGrayscale(colorType: Int(colorType))) { try PNGCodec.decode(file) }
    }

    @Test("the error description names the problem and the remedy")
    func descriptions() {
        let colour = CodecError.pngNotGrayscale(colorType: 2).description
        #expect(colour.contains("colour PNG not supported") && colour.contains("RGB"))
        let tooLarge = CodecError.imageTooLarge(width: 9, height: 9, maximumPixelCount: 4)
        #expect(tooLarge.description.contains("maximumPixelCount"))
    }

    private func findType(_ type: String, in file: [UInt8]) -> Int? {
        let needle = Array(type.utf8)
        return (0...(file.count - needle.count)).first { Array(file[$0..<($0 + needle.count)]) == needle }
            .map { $0 - 4 }
    }
}
