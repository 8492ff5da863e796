import Testing

@testable import LucidDICOM

/// Round trips through the test encoder: every predictor, point transforms, restart intervals,
/// 1...4 components, interleaved and separate scans, long Huffman codes and category 16.
@Suite("JPEG Lossless synthetic streams")
struct JPEGLosslessSyntheticTests {
    /// What the decoder must return: the input with the low Pt bits cleared (T.81 H.1.2.3).
    private func expected(_ samples: [UInt16], pointTransform: Int) -> [UInt16] {
        samples.map { ($0 >> UInt16(pointTransform)) << UInt16(pointTransform) }
    }

    private func roundTrip(_ encoder: JPEGLosslessTestEncoder, noise: Int, seed: UInt64) throws {
        let samples = makeTestSamples(
            width: encoder.width, height: encoder.height, components: encoder.components,
            precision: encoder.precision, noise: noise, seed: seed)
        let image = try JPEGLosslessDecoder.decode(encoder.encode(samples))
        #expect(image.width == encoder.width)
        #expect(image.height == encoder.height)
        #expect(image.components == encoder.components)
        #expect(image.precision == encoder.precision)
        #expect(image.samples == expected(samples, pointTransform: encoder.pointTransform))
    }

    @Test("every predictor", arguments: 1...7)
    func everyPredictor(predictor: Int) throws {
        var encoder = JPEGLosslessTestEncoder(width: 37, height: 23, components: 1, precision: 12)
        encoder.predictor = predictor
        try roundTrip(encoder, noise: 40, seed: UInt64(predictor))
        try roundTrip(encoder, noise: 4095, seed: UInt64(predictor) + 100)
    }

    @Test("16-bit full range, category 16 and long codes", arguments: [1, 4, 7])
    func sixteenBit(predictor: Int) throws {
        var encoder = JPEGLosslessTestEncoder(width: 31, height: 17, components: 1, precision: 16)
        encoder.predictor = predictor
        try roundTrip(encoder, noise: 65535, seed: 7)
        // Zero samples: the first prediction is 2^15, so the first difference is 32768 (category 16).
        let zeros = [UInt16](repeating: 0, count: 31 * 17)
        #expect(try JPEGLosslessDecoder.decode(encoder.encode(zeros)).samples == zeros)
    }

    @Test("point transform", arguments: [1, 2, 5])
    func pointTransform(shift: Int) throws {
        var encoder = JPEGLosslessTestEncoder(width: 19, height: 13, components: 2, precision: 12)
        encoder.predictor = 6
        encoder.pointTransform = shift
        try roundTrip(encoder, noise: 300, seed: UInt64(shift))
    }

    @Test("interleaved components", arguments: 1...4)
    func interleaved(components: Int) throws {
        var encoder = JPEGLosslessTestEncoder(width: 16, height: 9, components: components, precision: 8)
        encoder.predictor = 5
        try roundTrip(encoder, noise: 255, seed: UInt64(components))
    }

    @Test func separateScans() throws {
        var encoder = JPEGLosslessTestEncoder(width: 21, height: 11, components: 3, precision: 10)
        encoder.predictor = 7
        encoder.separateScans = true
        encoder.restartInterval = 10
        try roundTrip(encoder, noise: 60, seed: 3)
    }

    @Test("restart intervals", arguments: [1, 5, 20, 40, 41, 1000])
    func restartIntervals(interval: Int) throws {
        var encoder = JPEGLosslessTestEncoder(width: 20, height: 12, components: 3, precision: 12)
        encoder.predictor = 4
        encoder.restartInterval = interval
        encoder.fillBytesBeforeRestart = interval % 2
        try roundTrip(encoder, noise: 200, seed: UInt64(interval))
    }

    @Test("tiny images and precisions", arguments: [(1, 1, 2), (1, 9, 2), (9, 1, 16), (2, 2, 8)])
    func tiny(width: Int, height: Int, precision: Int) throws {
        for predictor in 1...7 {
            var encoder = JPEGLosslessTestEncoder(width: width, height: height, components: 1, precision: precision)
            encoder.predictor = predictor
            try roundTrip(encoder, noise: 1 << precision, seed: UInt64(predictor))
        }
    }

    @Test func wrongRestartMarkerNumberIsRejected() throws {
        var encoder = JPEGLosslessTestEncoder(width: 8, height: 4, components: 1, precision: 8)
        encoder.restartInterval = 8
        var stream = encoder.encode(
            makeTestSamples(width: 8, height: 4, components: 1, precision: 8, noise: 9, seed: 1))
        let rst1 = try #require(stream.indices.first { stream[$0] == 0xFF && stream[$0 + 1] == 0xD1 })
        stream[rst1 + 1] = 0xD5
        #expect(throws: JPEGLosslessError.unexpectedMarker(marker: 0xD5, offset: rst1)) {
            try JPEGLosslessDecoder.decode(stream)
        }
    }

    @Test func undefinedHuffmanTableIsRejected() throws {
        let encoder = JPEGLosslessTestEncoder(width: 4, height: 4, components: 2, precision: 8)
        var stream = encoder.encode([UInt16](repeating: 7, count: 32))
        // The SOS segment's second component selects table 1; make it select table 3.
        let sos = try #require(stream.indices.first { stream[$0] == 0xFF && stream[$0 + 1] == 0xDA })
        stream[sos + 8] = 0x30
        #expect(throws: JPEGLosslessError.missingHuffmanTable(tableID: 3, offset: sos)) {
            try JPEGLosslessDecoder.decode(stream)
        }
    }
}
