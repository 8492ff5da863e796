import Foundation
import LucidCodecs
import LucidTestSupport
import Testing

/// Codestreams that crashed OpenJPH 0.9.0 (division by zero, endless loop, null pointer, failed
/// assert) before the shim's structure check refused them.
@Suite("HTJ2K structure check before OpenJPH")
struct HTJ2KStructureTests {
    static let source = HTJ2KTestData.random(width: 90, height: 70, precision: 12, seed: 61)
    static let limits = CodestreamLimits(maximumSampleCount: 90 * 70)

    static func offset(of marker: UInt16, in bytes: [UInt8]) -> Int? {
        (0..<(bytes.count - 1)).first { bytes[$0] == UInt8(marker >> 8) && bytes[$0 + 1] == UInt8(marker & 0xFF) }
    }

    static func expectRefused(_ bytes: [UInt8], _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try HTJ2KCodec.decodeThroughOpenJPH(bytes, limits: limits)
            Issue.record("decoded although \(reason)", sourceLocation: sourceLocation)
        } catch {
            guard case let .codestream(_, _, message) = error else {
                Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(message.contains(reason), "\(message)", sourceLocation: sourceLocation)
        }
    }

    @Test("SIZ tile grids OpenJPH cannot handle are refused")
    func tileGrids() throws {
        let valid = try HTJ2KCodec.encode(Self.source)
        // XTsiz at 24, YTsiz at 28, XTOsiz at 32, YTOsiz at 36 (big-endian 32-bit).
        Self.expectRefused(HTJ2KCorruptInputTests.patched(valid, [(24, 0)]), "tile size is zero")
        Self.expectRefused(HTJ2KCorruptInputTests.patched(valid, [(28, 0)]), "tile size is zero")
        Self.expectRefused(HTJ2KCorruptInputTests.patched(valid, [(32, 90)]), "tile grid does not cover")
        Self.expectRefused(HTJ2KCorruptInputTests.patched(valid, [(36, 1)]), "tile grid does not cover")
    }

    @Test("COD and QCD values that fail OpenJPH's asserts are refused")
    func codingStyle() throws {
        let valid = try HTJ2KCodec.encode(Self.source)
        let cod = try #require(Self.offset(of: 0xFF52, in: valid))
        var progression = valid
        progression[cod + 5] = 5
        Self.expectRefused(progression, "progression order is invalid")
        var levels = valid
        levels[cod + 9] = 0x4F
        Self.expectRefused(levels, "more than 32 decomposition levels")
        var wavelet = valid
        wavelet[cod + 13] = 0  // 9/7 wavelet with the QCD of the 5/3 one
        Self.expectRefused(wavelet, "quantization style does not match")
        var fewerLevels = valid
        fewerLevels[cod + 9] = 4  // QCD still lists the subbands of 5 levels
        Self.expectRefused(fewerLevels, "length does not match the decomposition levels")
    }

    @Test("a marker code inside the entropy-coded data is refused")
    func markerInData() throws {
        let valid = try HTJ2KCodec.encode(Self.source)
        let sod = try #require(Self.offset(of: 0xFF93, in: valid))
        var bytes = valid
        bytes[sod + 60] = 0xFF
        bytes[sod + 61] = 0x95
        Self.expectRefused(bytes, "marker code where only entropy-coded data may be")
    }

    @Test("a precinct of zero height is refused")
    func precincts() throws {
        let image = HTJ2KTestData.random(width: 80, height: 60, precision: 12, seed: 67)
        let options = ["-reversible", "true", "-block_size", "{16,16}", "-precincts", "{32,32}"]
        guard let valid = try HTJ2KTestData.referenceEncode(image, options: options) else { return }
        #expect(try HTJ2KCodec.decodeThroughOpenJPH(valid, limits: Self.limits).samples == image.samples)
        let cod = try #require(Self.offset(of: 0xFF52, in: valid))
        var bytes = valid
        bytes[cod + 16] = 0x0F  // resolution 1: PPx 15, PPy 0
        Self.expectRefused(bytes, "precinct size is invalid")
    }

    @Test("every header byte set to telling values throws or decodes, never crashes")
    func headerSweep() throws {
        let valid = try HTJ2KCodec.encode(Self.source)
        let dataStart = try #require(Self.offset(of: 0xFF93, in: valid)) + 2
        var decoded = 0
        for index in 0..<dataStart {
            let original = valid[index]
            let values: Set<UInt8> = [
                0, 1, 2, 5, 0x20, 0x7F, 0x80, 0xFF, original &+ 1, original &- 1, original ^ 0x40,
            ]
            for value in values where value != original {
                var bytes = valid
                bytes[index] = value
                if let image = try? HTJ2KCodec.decodeThroughOpenJPH(bytes, limits: Self.limits) {
                    #expect(image.samples.count == image.width * image.height * image.components)
                    decoded += 1
                }
            }
        }
        #expect(decoded > 0, "some header changes (a COM byte, a guard bit count) still decode")
    }
}
