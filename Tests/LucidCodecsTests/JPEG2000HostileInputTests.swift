import Foundation
import LucidCodecs
import LucidTestSupport
import Testing

@Suite("JPEG 2000 hostile and unsupported input")
struct JPEG2000HostileInputTests {
    /// 64 x 64 signed 16-bit lossless codestream (SIZ at byte 2, Ssiz of component 0 at byte 42).
    let valid: [UInt8]
    let limits = CodestreamLimits(maximumSampleCount: 64 * 64)

    init() throws {
        valid = try JPEG2000TestSupport.firstFrame(path: SampleCorpus.path("mr_small_j2k_lossless.dcm"))
    }

    static func patched(_ bytes: [UInt8], at offset: Int, uint32 value: UInt32) -> [UInt8] {
        var copy = bytes
        for index in 0..<4 { copy[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * index)) }
        return copy
    }

    static func expectCodestreamError(_ body: () throws(CodecError) -> Void, containing text: String) {
        do {
            try body()
            Issue.record("decoded")
        } catch {
            guard case let .codestream(format, _, message) = error, format == .jpeg2000 else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(message.contains(text), "\(message)")
        }
    }

    @Test("a SIZ declaring 60000 x 60000 is refused as too large at once, before OpenJPEG allocates")
    func hugeImage() throws {
        var bytes = Self.patched(valid, at: 8, uint32: 60_000)  // Xsiz
        bytes = Self.patched(bytes, at: 12, uint32: 60_000)  // Ysiz
        bytes = Self.patched(bytes, at: 24, uint32: 60_000)  // XTsiz
        bytes = Self.patched(bytes, at: 28, uint32: 60_000)  // YTsiz
        let start = ContinuousClock.now
        #expect(throws: CodecError.imageTooLarge(width: 60_000, height: 60_000, maximumPixelCount: 64 * 64)) {
            try JPEG2000Codec.decode(bytes, limits: limits)
        }
        #expect(ContinuousClock.now - start < .milliseconds(200))
        let header = try JPEG2000Codec.readHeader(bytes)
        #expect(header.width == 60_000 && header.height == 60_000 && header.tileCount == 1)
    }

    @Test("tile grids beyond the standard's 65,535 tiles or the decoder's tile-component cap are refused")
    func tileBombs() {
        let huge = Self.patched(Self.patched(valid, at: 8, uint32: 60_000), at: 12, uint32: 60_000)
        Self.expectCodestreamError(
            { () throws(CodecError) in _ = try JPEG2000Codec.readHeader(huge) },
            containing: "65,535 tiles")
        // 64 x 64 pixels in 1 x 1 tiles: 4,096 tiles; in a 512 x 512 frame: 262,144; 4 x 2 tiles: 32,768.
        var bomb = Self.patched(Self.patched(valid, at: 8, uint32: 512), at: 12, uint32: 512)
        bomb = Self.patched(Self.patched(bomb, at: 24, uint32: 4), at: 28, uint32: 2)
        do {
            _ = try JPEG2000Codec.decode(bomb, limits: CodestreamLimits(maximumSampleCount: 1 << 20))
            Issue.record("a 32,768-tile header decoded")
        } catch {
            guard case .unsupportedCodestream(.jpeg2000, let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reason.contains("32768 tiles"))
        }
    }

    @Test("a codestream without a tile-part for every tile throws instead of leaving tiles blank")
    func missingTiles() throws {
        // 128 x 128 pixels in 64 x 64 tiles: 4 tiles, of which the codestream holds tile 0 only.
        let bytes = Self.patched(Self.patched(valid, at: 8, uint32: 128), at: 12, uint32: 128)
        Self.expectCodestreamError(
            { () throws(CodecError) in
                _ = try JPEG2000Codec.decode(bytes, limits: CodestreamLimits(maximumSampleCount: 128 * 128))
            }, containing: "tile-parts for 1 of its 4 tiles")
        var outOfRange = valid
        let tilePart = try #require(valid.firstRange(of: [0xFF, 0x90, 0x00, 0x0A]))
        outOfRange[tilePart.upperBound + 1] = 7  // Isot 7 of 1 tile
        Self.expectCodestreamError(
            { () throws(CodecError) in _ = try JPEG2000Codec.decode(outOfRange, limits: limits) },
            containing: "names tile 7")
    }

    @Test("precision above 16, subsampled components and unlike components are unsupported")
    func unsupported() throws {
        func reason(_ bytes: [UInt8]) -> String? {
            do {
                _ = try JPEG2000Codec.decode(bytes, limits: CodestreamLimits(maximumSampleCount: 1 << 20))
            } catch {
                if case .unsupportedCodestream(.jpeg2000, let reason) = error { return reason }
                Issue.record("unexpected error \(error)")
            }
            return nil
        }
        var deep = valid
        deep[42] = 0x80 | 19  // signed, 20 bits
        #expect(try JPEG2000Codec.readHeader(deep).precision == 20)
        #expect(reason(deep)?.contains("20-bit") == true)
        var subsampled = valid
        subsampled[43] = 2  // XRsiz
        #expect(reason(subsampled)?.contains("subsampled") == true)
        var rgb = try JPEG2000TestSupport.firstFrame(path: SampleCorpus.codecsPath("JPEG2000__SC_rgb_gdcm_KY.dcm"))
        rgb[45] = 0x0B  // component 1: 12 bits
        #expect(reason(rgb)?.contains("different precision") == true)
    }

    @Test("every truncation throws (strict decoding, even of the EOC marker alone), none crashes")
    func truncations() throws {
        for length in Array(stride(from: 0, to: valid.count - 2, by: 3)) + [valid.count - 2, valid.count - 1] {
            #expect(throws: CodecError.self) { try JPEG2000Codec.decode(Array(valid.prefix(length)), limits: limits) }
        }
        // A 3-component lossy frame ending EOC (FF D9) then the DICOM pad byte 00, cut at every byte.
        let rgb = try JPEG2000TestSupport.firstFrame(path: SampleCorpus.codecsPath("JPEG2000__SC_rgb_gdcm_KY.dcm"))
        let rgbLimits = CodestreamLimits(maximumSampleCount: 100 * 100 * 3)
        for length in 0..<(rgb.count - 1) {
            #expect(throws: CodecError.self) { try JPEG2000Codec.decode(Array(rgb.prefix(length)), limits: rgbLimits) }
        }
        #expect(
            try JPEG2000Codec.decode(Array(rgb.dropLast()), limits: rgbLimits)
                == JPEG2000Codec.decode(rgb, limits: rgbLimits))
    }

    @Test("flipped bytes never crash; a decode that succeeds has the declared geometry")
    func flippedBytes() {
        var generator = SeededGenerator(seed: 2000)
        for round in 0..<300 {
            var bytes = valid
            let index =
                round < 100
                ? Int.random(in: 0..<200, using: &generator) : Int.random(in: 0..<bytes.count, using: &generator)
            bytes[index] ^= UInt8.random(in: 1...255, using: &generator)
            if let decoded = try? JPEG2000Codec.decode(bytes, limits: limits) {
                #expect(decoded.samples.count == decoded.width * decoded.height * decoded.components)
                #expect(decoded.samples.count <= 64 * 64)
            }
        }
    }

    @Test("empty input, noise and bare markers throw codestream errors")
    func garbage() {
        var generator = SeededGenerator(seed: 5)
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let signature: [UInt8] = [0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A]
        for bytes in [
            [], noise, [0xFF, 0x4F, 0xFF, 0x51], [0xFF, 0x4F, 0xFF, 0x51] + noise, signature, signature + noise,
        ] {
            #expect(throws: CodecError.self) { try JPEG2000Codec.decode(bytes, limits: limits) }
        }
        Self.expectCodestreamError(
            { () throws(CodecError) in _ = try JPEG2000Codec.readHeader(Array(valid.prefix(30))) },
            containing: "cut short")
    }

    @Test("a codestream in a JP2 file decodes as the bare codestream, whatever its box length form")
    func jp2Wrapper() throws {
        let signature: [UInt8] = [0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A]
        let fileType: [UInt8] = [0, 0, 0, 20] + Array("ftypjp2 ".utf8) + [0, 0, 0, 0] + Array("jp2 ".utf8)
        let contiguous = Array("jp2c".utf8)
        let size = UInt32(valid.count + 8)
        let wrappers: [[UInt8]] = [
            [0, 0, 0, 0] + contiguous,  // LBox 0: to the end
            [0, 0, 0, 1] + contiguous + [0, 0, 0, 0, 0, 0, 0, 0],  // XLBox follows
            [UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)] + contiguous,
        ]
        let bare = try JPEG2000Codec.decode(valid, limits: limits)
        for (index, wrapper) in wrappers.enumerated() {
            var box = wrapper
            if index == 1 {
                let long = UInt64(valid.count + 16)
                for byte in 0..<8 { box[8 + byte] = UInt8(truncatingIfNeeded: long >> (56 - 8 * UInt64(byte))) }
            }
            let file = signature + fileType + box + valid
            #expect(try JPEG2000Codec.readHeader(file).isJP2File)
            #expect(try JPEG2000Codec.decode(file, limits: limits) == bare)
        }
        Self.expectCodestreamError(
            { () throws(CodecError) in _ = try JPEG2000Codec.readHeader(signature + fileType) },
            containing: "no contiguous codestream box")
    }
}
