import Foundation
import LucidTestSupport
import Testing

@testable import LucidDICOM

/// Hand-built DCT streams (restart intervals, range limiting) and hostile input: truncated and
/// corrupted codestreams and oversized frame headers must give a `JPEGDecodingError`, never a trap.
@Suite("JPEG Extended synthetic and hostile input")
struct JPEGExtendedHostileInputTests {
    /// A one-component SOF1 stream of DC-only blocks: quantization table all 1, DC categories
    /// 0...15 coded with 4-bit codes equal to the category, AC table holding only EOB (code "0").
    /// `restartMarkers[i]` is written after interval `i` when `restartInterval > 0`.
    static func stream(
        width: Int, height: Int, precision: Int, dcDifferences: [Int], restartInterval: Int = 0,
        restartMarkers: [UInt8]? = nil
    ) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00] + [UInt8](repeating: 1, count: 64)
        bytes += [0xFF, 0xC1, 0x00, 0x0B, UInt8(precision), UInt8(height >> 8), UInt8(height & 0xFF)]
        bytes += [UInt8(width >> 8), UInt8(width & 0xFF), 1, 1, 0x11, 0]
        var dcCounts = [UInt8](repeating: 0, count: 16), acCounts = [UInt8](repeating: 0, count: 16)
        dcCounts[3] = 16
        acCounts[0] = 1
        bytes += [0xFF, 0xC4, 0x00, 0x35, 0x00] + dcCounts + (0...15).map { UInt8($0) } + [0x10] + acCounts + [0x00]
        if restartInterval > 0 { bytes += [0xFF, 0xDD, 0x00, 0x04, 0x00, UInt8(restartInterval)] }
        bytes += [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 0, 63, 0]
        var writer = JPEGTestBitWriter()
        for (index, difference) in dcDifferences.enumerated() {
            if restartInterval > 0, index > 0, index % restartInterval == 0 {
                bytes += writer.finish()
                writer = JPEGTestBitWriter()
                let interval = index / restartInterval - 1
                bytes += [0xFF, restartMarkers?[interval] ?? UInt8(0xD0 + interval % 8)]
            }
            let category = difference == 0 ? 0 : Int.bitWidth - abs(difference).leadingZeroBitCount
            writer.write(category, bits: 4)
            if category > 0 {
                writer.write(difference > 0 ? difference : difference + (1 << category) - 1, bits: category)
            }
            writer.write(0, bits: 1)  // EOB
        }
        return bytes + writer.finish() + [0xFF, 0xD9]
    }

    @Test func restartIntervalsResetTheDCPrediction() throws {
        // Without the reset the second block's DC would be 1200 and its samples 2048 + 150.
        let image = try JPEGExtendedDecoder.decode(
            Self.stream(width: 16, height: 8, precision: 12, dcDifferences: [800, 400], restartInterval: 1))
        #expect(image.precision == 12)
        // islow maps a DC-only block with dequantized DC d to round(d / 8) + 2^(P-1).
        #expect(image[0, 0, 0] == 2048 + 100 && image[7, 7, 0] == 2048 + 100)
        #expect(image[8, 0, 0] == 2048 + 50 && image[15, 7, 0] == 2048 + 50)
    }

    @Test func restartMarkersOutOfSequenceAreRejected() throws {
        let stream = Self.stream(
            width: 24, height: 8, precision: 8, dcDifferences: [8, 8, 8], restartInterval: 1,
            restartMarkers: [0xD0, 0xD2])
        let rst2 = try #require((0..<(stream.count - 1)).first { stream[$0] == 0xFF && stream[$0 + 1] == 0xD2 })
        #expect(throws: JPEGDecodingError.unexpectedMarker(marker: 0xD2, offset: rst2)) {
            try JPEGExtendedDecoder.decode(stream)
        }
    }

    @Test func samplesAreRangeLimitedLikeLibjpeg() throws {
        // DC +32767, 0 and -32767: the first and last far outside 0...4095 after the IDCT.
        let image = try JPEGExtendedDecoder.decode(
            Self.stream(width: 24, height: 8, precision: 12, dcDifferences: [32767, -32767, -32767]))
        #expect(image[0, 0, 0] == 4095)
        #expect(image[8, 0, 0] == 2048)
        #expect(image[16, 0, 0] == 0)
    }

    @Test func oversizedFrameIsRefusedBeforeAllocating() {
        let stream = Self.stream(width: 60000, height: 60000, precision: 12, dcDifferences: [0])
        #expect(throws: JPEGDecodingError.imageTooLarge(width: 60000, height: 60000, components: 1)) {
            try JPEGExtendedDecoder.decode(stream, maximumSampleCount: 512 * 512)
        }
        // Within the sample limit but with far too little data for its 4 million blocks.
        let large = Self.stream(width: 16384, height: 16384, precision: 8, dcDifferences: [0])
        #expect(throws: JPEGDecodingError.truncated(offset: large.count)) { try JPEGExtendedDecoder.decode(large) }
    }

    @Test func everyTruncationThrowsOrGivesTheWholeImage() throws {
        let path = SampleCorpus.codecsPath("JPEGBaseline__JPEGBaseline_1s_1f_u_08_08.dcm")
        let small = try JPEGExtendedTestSupport.frames(path: path)[0]
        let large = try JPEGExtendedTestSupport.frames(
            path: SampleCorpus.path("ct_enhanced_2frame_jpeg_extended12.dcm"))[0]
        for (codestream, step) in [(small, 1), (large, 211)] {
            let whole = try JPEGExtendedDecoder.decode(codestream)
            var failures = 0
            for length in stride(from: 0, to: codestream.count, by: step) {
                do {
                    let image = try JPEGExtendedDecoder.decode(Array(codestream[0..<length]))
                    #expect(image == whole, "prefix of \(length) bytes decoded to a different image")
                } catch {
                    failures += 1
                }
            }
            // Only prefixes that keep all the entropy-coded data (dropping at most EOI) may decode.
            #expect(failures >= (codestream.count - 2 + step - 1) / step)
        }
    }

    @Test func corruptedBytesNeverTrap() throws {
        let original = try JPEGExtendedTestSupport.frames(
            path: SampleCorpus.path("ct_enhanced_2frame_jpeg_extended12.dcm"))[0]
        var generator = SeededGenerator(seed: 0x4A50_4547)
        var errors = 0
        for _ in 0..<150 {
            var codestream = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                // Mostly the headers (the first 700 bytes), sometimes the scan data.
                let limit = Bool.random(using: &generator) ? 700 : codestream.count
                codestream[Int.random(in: 0..<limit, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            do {
                let image = try JPEGExtendedDecoder.decode(codestream, maximumSampleCount: 512 * 512)
                #expect(image.samples.count == image.width * image.height * image.components)
                #expect(image.samples.allSatisfy { $0 < 1 << image.precision })
            } catch {
                errors += 1
            }
        }
        #expect(errors > 0)
    }
}
