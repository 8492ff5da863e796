import Foundation
import LucidCodecs
import LucidTestSupport
import Testing

/// OpenJPH decodes through a copy of the codestream whose tile-parts end in guard bytes (see
/// `HTJ2KCodec`): well-formed codestreams decode exactly as without them, and a packet declaring
/// more code-block data than its tile-part holds is refused instead of overflowing OpenJPH's buffer.
@Suite struct HTJ2KGuardedDecodingTests {
    static let limits = CodestreamLimits(maximumSampleCount: 1 << 20)

    static func seed(_ name: String) throws -> [UInt8] {
        let path = SampleCorpus.packageRoot + "/Fuzz/seeds/FuzzHTJ2K/" + name
        return [UInt8](try #require(FileManager.default.contents(atPath: path), "\(path)"))
    }

    @Test(
        "OpenJPH through the guards and OpenJPEG decode the same samples",
        arguments: [
            "gray8.j2c", "gray8_lrcp.j2c", "gray8_tiles.j2c", "gray12.j2c", "gray16.j2c", "gray16_levels1.j2c",
            "rgb8.j2c", "signed12.j2c",
        ])
    func agreesWithOpenJPEG(name: String) throws {
        let bytes = try Self.seed(name)
        let openJPH = try HTJ2KCodec.decodeThroughOpenJPH(bytes, limits: Self.limits)
        let openJPEG = try JPEG2000Codec.decode(bytes, limits: Self.limits)
        #expect(openJPH.samples == openJPEG.samples)
        #expect(openJPH.width == openJPEG.width && openJPH.height == openJPEG.height)
        #expect(try HTJ2KCodec.decode(bytes, limits: Self.limits).samples == openJPEG.samples)
    }

    /// OpenJPH 0.9.0 decodes a 16x16 image with 5 decomposition levels, or an image with an offset,
    /// to wrong samples (ojph_expand too); OpenJPEG decodes them exactly.
    @Test("Codestreams OpenJPH 0.9 decodes wrongly go to OpenJPEG")
    func leftToOpenJPEG() throws {
        let levels5 = try Self.seed("gray8_levels5.j2c")
        let refusal = #expect(throws: CodecError.self) {
            try HTJ2KCodec.decodeThroughOpenJPH(levels5, limits: Self.limits)
        }
        #expect("\(refusal.map { "\($0)" } ?? "")".contains("too small for its decomposition levels"))
        let expected = try JPEG2000Codec.decode(levels5, limits: Self.limits)
        #expect(try HTJ2KCodec.decode(levels5, limits: Self.limits).samples == expected.samples)
        guard case .uint8(let values) = expected.samples else {
            Issue.record("8-bit samples expected")
            return
        }
        #expect(Array(values.prefix(4)) == [0, 10, 19, 26], "the ramp make_codec_seeds.py encodes")

        let source = HTJ2KTestData.random(width: 64, height: 48, precision: 8, seed: 3)
        var offset = try HTJ2KCodec.encode(source)
        // SIZ (ISO/IEC 15444-1 A.5.1): Xsiz at bytes 8...11, XOsiz at 16...19; the image moves right 3 pixels.
        offset[11] += 3
        offset[19] += 3
        let error = #expect(throws: CodecError.self) {
            try HTJ2KCodec.decodeThroughOpenJPH(offset, limits: Self.limits)
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("offset"))
    }

    @Test("A last tile-part without a length (Psot 0) decodes like one with its length")
    func tilePartWithoutLength() throws {
        let source = HTJ2KTestData.random(width: 33, height: 17, precision: 12, seed: 5)
        var bytes = try HTJ2KCodec.encode(source)
        let sot = try #require(Self.firstTilePart(bytes))
        for offset in 6..<10 { bytes[sot + offset] = 0 }
        #expect(try HTJ2KCodec.decodeThroughOpenJPH(bytes, limits: Self.limits).samples == source.samples)
    }

    @Test("FuzzHTJ2K's precinct reproducer is refused, whichever decoder sees it")
    func precinctReproducerRefused() throws {
        let path =
            SampleCorpus.packageRoot + "/Fuzz/regressions/FuzzHTJ2K/precinct-parse-heap-overflow-openjph-0.9.0.j2c"
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        #expect(throws: CodecError.self) { try HTJ2KCodec.decodeThroughOpenJPH(bytes, limits: Self.limits) }
        #expect(throws: CodecError.self) { try HTJ2KCodec.decode(bytes, limits: Self.limits) }
    }

    @Test("A tile-part whose stated length ends inside its packets is refused at the guard, never read past")
    func tilePartShorterThanItsPackets() throws {
        let source = HTJ2KTestData.random(width: 40, height: 24, precision: 10, seed: 9)
        let valid = try HTJ2KCodec.encode(source)
        let sot = try #require(Self.firstTilePart(valid))
        let sod = try #require((sot..<valid.count - 1).first { valid[$0] == 0xFF && valid[$0 + 1] == 0x93 })
        var stoppedAtGuard = 0
        for end in stride(from: sod + 3, to: valid.count - 2, by: 5) {
            var cut = Array(valid[..<end]) + [0xFF, 0xD9]
            let length = UInt32(end - sot)
            for byte in 0..<4 { cut[sot + 6 + byte] = UInt8(truncatingIfNeeded: length >> (24 - 8 * UInt32(byte))) }
            let error = #expect(throws: CodecError.self, "tile-part cut to \(length) bytes") {
                try HTJ2KCodec.decodeThroughOpenJPH(cut, limits: Self.limits)
            }
            if "\(error.map { "\($0)" } ?? "")".contains("more code-block data than its tile-part holds") {
                stoppedAtGuard += 1
            }
        }
        // Cuts inside a packet header end in OpenJPH's own errors; cuts inside code-block data reach the guard.
        #expect(stoppedAtGuard > 10, "\(stoppedAtGuard) cuts stopped at the guard")
    }

    /// The position of the first SOT marker (FF 90) after the main header's marker segments.
    static func firstTilePart(_ bytes: [UInt8]) -> Int? {
        var position = 2
        while position + 4 <= bytes.count {
            if bytes[position] == 0xFF && bytes[position + 1] == 0x90 { return position }
            position += 2 + (Int(bytes[position + 2]) << 8 | Int(bytes[position + 3]))
        }
        return nil
    }
}
