import Foundation
import LucidCodecs
import LucidTestSupport
import Testing

@Suite("HTJ2K corrupt and hostile input")
struct HTJ2KCorruptInputTests {
    static let source = HTJ2KTestData.random(width: 90, height: 70, precision: 12, seed: 41)
    static let limits = CodestreamLimits(maximumSampleCount: 90 * 70)

    /// The codestream with big-endian `value` written at `offset` (SIZ: Xsiz at 8, Ysiz at 12,
    /// XTsiz at 24, YTsiz at 28).
    static func patched(_ bytes: [UInt8], _ fields: [(offset: Int, value: UInt32)]) -> [UInt8] {
        var copy = bytes
        for field in fields {
            for index in 0..<4 {
                copy[field.offset + index] = UInt8(truncatingIfNeeded: field.value >> (24 - 8 * index))
            }
        }
        return copy
    }

    @Test("every prefix of a codestream throws a CodecError, none crashes")
    func truncated() throws {
        for rpcl in [false, true] {
            let valid = try HTJ2KCodec.encode(Self.source, progressionRPCL: rpcl)
            for length in stride(from: 0, to: valid.count, by: 7) + [valid.count - 2, valid.count - 1] {
                #expect(throws: CodecError.self, "prefix of \(length) bytes") {
                    try HTJ2KCodec.decodeThroughOpenJPH(Array(valid.prefix(length)), limits: Self.limits)
                }
            }
        }
    }

    @Test("bytes after the EOC marker, such as a DICOM pad byte, are ignored")
    func padding() throws {
        let valid = try HTJ2KCodec.encode(Self.source)
        for tail: [UInt8] in [[0], [0, 0, 0], [0xFF]] {
            let decoded = try HTJ2KCodec.decodeThroughOpenJPH(valid + tail, limits: Self.limits)
            #expect(decoded.samples == Self.source.samples)
        }
    }

    @Test("OpenJPH's own reasons and the structure check's reasons reach the message")
    func messages() throws {
        let valid = try HTJ2KCodec.encode(Self.source)
        var notHT = valid
        notHT[6] &= 0xBF  // Rsiz without bit 14: a Part 1 codestream, not HTJ2K
        let cases: [(bytes: [UInt8], operation: String, text: String)] = [
            (notHT, "read header", "Rsiz bit 14 not set (this is not a JPH file) (OpenJPH 0x"),
            (Array(valid.prefix(20)), "read header", "cut short"),
            (Array(valid.prefix(valid.count - 40)), "read header", "runs past the end of the codestream"),
        ]
        for (bytes, expectedOperation, text) in cases {
            do {
                _ = try HTJ2KCodec.decodeThroughOpenJPH(bytes, limits: Self.limits)
                Issue.record("a damaged codestream decoded")
            } catch {
                guard case let .codestream(format, operation, message) = error else {
                    Issue.record("unexpected error \(error)")
                    continue
                }
                #expect(format == .htj2k && operation == expectedOperation)
                #expect(message.contains(text), "\(message)")
            }
        }
    }

    @Test("empty input, noise and a lone SOC marker throw")
    func garbage() {
        #expect(throws: CodecError.self) { try HTJ2KCodec.decodeThroughOpenJPH([], limits: Self.limits) }
        var generator = SeededGenerator(seed: 43)
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: CodecError.self) { try HTJ2KCodec.decodeThroughOpenJPH(noise, limits: Self.limits) }
        #expect(throws: CodecError.self) {
            try HTJ2KCodec.decodeThroughOpenJPH([0xFF, 0x4F] + noise, limits: Self.limits)
        }
        #expect(throws: CodecError.self) {
            try HTJ2KCodec.decodeThroughOpenJPH([0xFF, 0x4F, 0xFF, 0xD9], limits: Self.limits)
        }
    }

    @Test("changed bytes never crash; a decode that succeeds keeps the declared geometry")
    func corruptedBytes() throws {
        let valid = try HTJ2KCodec.encode(Self.source)
        var generator = SeededGenerator(seed: 47)
        var failures = 0
        for round in 0..<600 {
            var bytes = valid
            let changes = round % 3 + 1
            for _ in 0..<changes {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] ^= UInt8.random(in: 1...255, using: &generator)
            }
            do {
                let decoded = try HTJ2KCodec.decodeThroughOpenJPH(bytes, limits: Self.limits)
                #expect(decoded.samples.count == decoded.width * decoded.height * decoded.components)
                #expect(decoded.width * decoded.height * decoded.components <= Self.limits.maximumSampleCount)
            } catch {
                failures += 1
            }
        }
        #expect(failures > 0, "some corruptions must be detected")
    }

    @Test("a SIZ declaring 60000 x 60000 pixels is refused before anything is allocated")
    func hugeDeclaredSize() throws {
        let valid = try HTJ2KCodec.encode(Self.source)
        let oneTile = Self.patched(valid, [(8, 60_000), (12, 60_000), (24, 60_000), (28, 60_000)])
        let smallTiles = Self.patched(valid, [(8, 60_000), (12, 60_000)])
        let start = Date()
        #expect(throws: CodecError.imageTooLarge(width: 60_000, height: 60_000, maximumPixelCount: 90 * 70)) {
            try HTJ2KCodec.decodeThroughOpenJPH(oneTile, limits: Self.limits)
        }
        // 90 x 70 tiles over 60000 x 60000 pixels: more tiles than a codestream may have.
        #expect(throws: CodecError.self) { try HTJ2KCodec.decodeThroughOpenJPH(smallTiles, limits: Self.limits) }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test("components of different precision, subsampled components and 17-bit samples are unsupported")
    func unsupportedLayouts() throws {
        let rgb = try HTJ2KCodec.encode(
            HTJ2KTestData.random(width: 8, height: 8, components: 3, precision: 8, seed: 53))
        // SIZ component records start at 42: Ssiz (precision - 1, sign in bit 7), XRsiz, YRsiz.
        var mixed = rgb
        mixed[45] = 8
        var subsampled = rgb
        subsampled[46] = 2
        var deep = try HTJ2KCodec.encode(HTJ2KTestData.random(width: 8, height: 8, precision: 16, seed: 59))
        deep[42] = 16
        for bytes in [mixed, subsampled, deep] {
            do {
                _ = try HTJ2KCodec.decodeThroughOpenJPH(bytes, limits: CodestreamLimits(maximumSampleCount: 1000))
                Issue.record("an unsupported layout decoded")
            } catch {
                guard case .unsupportedCodestream(.htj2k, _) = error else {
                    Issue.record("unexpected error \(error)")
                    continue
                }
            }
        }
    }
}
