import LucidTestSupport
import Testing

@testable import LucidDICOM

/// Damaged and crafted input: the decoder must return a typed error (or, for harmless damage, an
/// image of the declared size) and never trap, read out of bounds or allocate a huge buffer.
@Suite("JPEG Lossless hostile input")
struct JPEGLosslessHostileInputTests {
    /// Decodes and checks that a returned image is consistent with its header.
    @discardableResult
    private func decodeSafely(_ bytes: [UInt8]) -> Result<JPEGLosslessImage, JPEGLosslessError> {
        let result = Result { () throws(JPEGLosslessError) in try JPEGLosslessDecoder.decode(bytes) }
        if case .success(let image) = result {
            #expect(image.samples.count == image.width * image.height * image.components)
        }
        return result
    }

    private static func syntheticStream() -> [UInt8] {
        var encoder = JPEGLosslessTestEncoder(width: 24, height: 10, components: 3, precision: 12)
        encoder.predictor = 6
        encoder.restartInterval = 17
        return encoder.encode(makeTestSamples(width: 24, height: 10, components: 3, precision: 12, noise: 500, seed: 9))
    }

    private static func sampleStream(_ name: String) throws -> [UInt8] {
        try DICOMSampleFiles.jpegCodestream(try DICOMSampleFiles.bytes(name))
    }

    /// Offsets to cut or damage: every byte of the first `head` bytes, then `count` spread evenly.
    private static func offsets(in length: Int, head: Int, count: Int) -> [Int] {
        let spread = stride(from: head, to: length, by: max(1, (length - head) / count))
        return Array(0..<min(head, length)) + spread
    }

    /// Offset of the final EOI marker: every cut before it removes data the image needs.
    private static func endOfImageOffset(_ stream: [UInt8]) throws -> Int {
        try #require(stream.indices.dropLast().last { stream[$0] == 0xFF && stream[$0 + 1] == 0xD9 })
    }

    @Test func truncatedSyntheticStreamAlwaysFails() throws {
        let stream = Self.syntheticStream()
        let end = try Self.endOfImageOffset(stream)
        for length in 0..<end {
            guard case .failure = decodeSafely(Array(stream[0..<length])) else {
                Issue.record("a stream cut to \(length) of \(stream.count) bytes decoded")
                continue
            }
        }
        guard case .success = decodeSafely(Array(stream[0..<end])) else {
            Issue.record("the stream without its EOI marker failed")
            return
        }
    }

    @Test(
        arguments: [
            "pt_ge_jpegll_float_rescale.dcm", "mr_siemens_jpegll_window_width_0.dcm",
            "ct_nema_ct1_jpeg_lossless_sv1.dcm",
        ])
    func truncatedSampleStreamFails(file: String) throws {
        let stream = try Self.sampleStream(file)
        let end = try Self.endOfImageOffset(stream)
        for length in Self.offsets(in: end, head: 120, count: 60) {
            guard case .failure = decodeSafely(Array(stream[0..<length])) else {
                Issue.record("\(file) cut to \(length) bytes decoded")
                continue
            }
        }
    }

    @Test func damagedSyntheticStreamNeverTraps() {
        let stream = Self.syntheticStream()
        var generator = SeededGenerator(seed: 42)
        for offset in stream.indices {
            for flip: UInt8 in [0xFF, 0x01, 0x80, UInt8.random(in: 1...255, using: &generator)] {
                var damaged = stream
                damaged[offset] ^= flip
                decodeSafely(damaged)
            }
        }
    }

    @Test(
        arguments: ["pt_ge_jpegll_float_rescale.dcm", "mr_siemens_jpegll_window_width_0.dcm"])
    func damagedSampleStreamNeverTraps(file: String) throws {
        let stream = try Self.sampleStream(file)
        var generator = SeededGenerator(seed: 7)
        for offset in Self.offsets(in: stream.count, head: 110, count: 150) {
            for flip: UInt8 in [0xFF, UInt8.random(in: 1...255, using: &generator)] {
                var damaged = stream
                damaged[offset] ^= flip
                decodeSafely(damaged)
            }
        }
    }

    @Test func randomBytesAfterStartOfImageNeverTrap() {
        var generator = SeededGenerator(seed: 1234)
        for length in 0..<400 {
            let tail = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            decodeSafely([0xFF, 0xD8] + tail)
        }
    }

    /// SOI, a DHT with one 1-bit code, and an SOF3 declaring `width` x `height` x 1 at 16 bits.
    private static func header(width: Int, height: Int) -> [UInt8] {
        let table: [UInt8] = [0xFF, 0xC4, 0x00, 0x14, 0x00, 1] + [UInt8](repeating: 0, count: 15) + [0]
        let frame: [UInt8] = [
            0xFF, 0xC3, 0x00, 0x0B, 16, UInt8(height >> 8), UInt8(height & 0xFF),
            UInt8(width >> 8), UInt8(width & 0xFF), 1, 1, 0x11, 0,
        ]
        return [0xFF, 0xD8] + table + frame
    }

    private static let scanHeader: [UInt8] = [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 1, 0, 0]

    @Test func hugeFrameIsRejectedBeforeAllocating() {
        #expect(throws: JPEGLosslessError.imageTooLarge(width: 65535, height: 65535, components: 1)) {
            try JPEGLosslessDecoder.decode(Self.header(width: 65535, height: 65535) + Self.scanHeader + [0, 0])
        }
    }

    @Test func largeFrameWithTooLittleDataIsTruncatedWithoutAllocating() {
        // 16384 x 16384 is exactly the sample limit; 100 bytes cannot hold 2^28 one-bit codes.
        let stream = Self.header(width: 16384, height: 16384) + Self.scanHeader + [UInt8](repeating: 0, count: 100)
        #expect(throws: JPEGLosslessError.truncated(offset: stream.count)) { try JPEGLosslessDecoder.decode(stream) }
    }

    @Test func allZeroDifferencesWithOneBitCodes() throws {
        // 8 x 4 samples of category 0 coded with the 1-bit code "0": four zero bytes.
        let stream = Self.header(width: 8, height: 4) + Self.scanHeader + [0, 0, 0, 0, 0xFF, 0xD9]
        let image = try JPEGLosslessDecoder.decode(stream)
        #expect(image.samples == [UInt16](repeating: 0x8000, count: 32))
    }

    @Test("non-lossless frames are rejected", arguments: [UInt8(0xC0), 0xC1, 0xC2, 0xC7, 0xCB])
    func nonLosslessFrame(marker: UInt8) throws {
        var stream = Self.header(width: 8, height: 8) + Self.scanHeader + [0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xD9]
        stream[try #require(stream.firstIndex(of: 0xC3))] = marker
        #expect(throws: JPEGLosslessError.notLossless(marker: marker)) { try JPEGLosslessDecoder.decode(stream) }
    }

    @Test func missingStartOfImage() {
        #expect(throws: JPEGLosslessError.missingStartOfImage) { try JPEGLosslessDecoder.decode([]) }
        #expect(throws: JPEGLosslessError.missingStartOfImage) { try JPEGLosslessDecoder.decode([0x00, 0xD8, 0xFF]) }
    }

    @Test func invalidHuffmanTablesAreRejected() {
        // Three 1-bit codes cannot exist.
        let overfull: [UInt8] =
            [0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x16, 0x00, 3] + [UInt8](repeating: 0, count: 15) + [0, 1, 2]
        #expect(throws: JPEGLosslessError.self) { try JPEGLosslessDecoder.decode(overfull) }
        // Category 17 does not exist in lossless coding.
        let badValue: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x14, 0x00, 1] + [UInt8](repeating: 0, count: 15) + [17]
        #expect(throws: JPEGLosslessError.self) { try JPEGLosslessDecoder.decode(badValue) }
    }

    @Test func errorDescriptionsNameTheProblemAndOffset() {
        #expect(JPEGLosslessError.truncated(offset: 1234).description.contains("1234"))
        #expect(JPEGLosslessError.notLossless(marker: 0xC0).description.contains("FFC0"))
        #expect(JPEGLosslessError.invalidCode(offset: 99).description.contains("99"))
        #expect(JPEGLosslessError.unexpectedMarker(marker: 0x05, offset: 7).description.contains("FF05"))
    }
}
