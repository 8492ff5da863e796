import LucidCodecs
import LucidImaging
import LucidPNG
import LucidTestSupport
import Testing

@Suite("JPEG corrupt and unsupported input")
struct JPEGCorruptInputTests {
    let valid: [UInt8]

    init() throws {
        valid = try JPEGCodec.encode(TestImages.smooth(width: 96, height: 64), quality: 90)
    }

    @Test("a stream cut in half fails in strict mode instead of returning grey padding")
    func cutInHalf() {
        let half = Array(valid.prefix(valid.count / 2))
        do {
            _ = try JPEGCodec.decodeGray8(half)
            Issue.record("a truncated stream decoded")
        } catch {
            guard case let .jpeg(operation, message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(operation == "decode")
            #expect(message.contains("Premature end of JPEG file"))
        }
    }

    @Test("every truncation point throws, none crashes")
    func everyTruncation() {
        for length in stride(from: 0, to: valid.count - 1, by: 3) {
            #expect(throws: CodecError.self) { try JPEGCodec.decode(Array(valid.prefix(length))) }
        }
    }

    @Test("empty input and garbage throw JPEG errors")
    func garbage() {
        #expect(throws: CodecError.self) { try JPEGCodec.decode([]) }
        var generator = SeededGenerator(seed: 3)
        let noise = (0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: CodecError.self) { try JPEGCodec.decode(noise) }
        #expect(throws: CodecError.self) { try JPEGCodec.decode([0xFF, 0xD8] + noise) }
        #expect(throws: CodecError.self) { try JPEGCodec.decode([0xFF, 0xD8, 0xFF, 0xD9]) }
    }

    @Test("flipped bytes never crash; a decode that succeeds has the right size")
    func flippedBytes() {
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<400 {
            var bytes = valid
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            bytes[index] ^= UInt8.random(in: 1...255, using: &generator)
            if let image = try? JPEGCodec.decode(bytes) {
                #expect(image.samples.count == image.width * image.height * image.components)
            }
        }
    }

    @Test("a 12-bit frame header is reported as unsupported precision")
    func twelveBit() {
        #expect(throws: CodecError.unsupportedPrecision(12)) {
            try JPEGCodec.decode(JPEGTestData.extendedHeader(precision: 12))
        }
        #expect(throws: CodecError.unsupportedPrecision(12)) {
            try JPEGCodec.readHeader(JPEGTestData.extendedHeader(precision: 12))
        }
        #expect(throws: CodecError.unsupportedPrecision(16)) {
            try JPEGCodec.decodeGray8(JPEGTestData.extendedHeader(precision: 16))
        }
    }

    @Test("the error description says what failed and what to do")
    func descriptions() {
        #expect(CodecError.unsupportedPrecision(12).description.contains("12-bit"))
        #expect(CodecError.invalidQuality(0).description.contains("1 (smallest) ... 100"))
        #expect(CodecError.jpeg(operation: "decode", message: "x").description.contains("fragments"))
    }
}

@Suite("Repeated failures")
struct RepeatedFailureTests {
    @Test("2000 failing decodes in a row neither crash nor leak state between calls")
    func manyErrors() throws {
        let png = try PNGCodec.encode(TestImages.random(UInt8.self, width: 20, height: 20, seed: 1))
        let jpeg = try JPEGCodec.encode(TestImages.smooth(width: 40, height: 40), quality: 90)
        var failures = 0
        for index in 0..<2000 {
            do {
                if index.isMultiple(of: 2) {
                    _ = try PNGCodec.decode(Array(png.prefix(index % (png.count - 1))))
                } else {
                    _ = try JPEGCodec.decode(Array(jpeg.prefix(index % (jpeg.count - 1))))
                }
            } catch {
                failures += 1
            }
        }
        #expect(failures == 2000)
        #expect(try PNGCodec.decode(png).image.width == 20)
        #expect(try JPEGCodec.decodeGray8(jpeg).width == 40)
    }
}
