import LucidCodecs
import LucidTestSupport
import Testing

/// Codestreams whose COD and COC marker segments select both block coders: High-Throughput
/// (ISO/IEC 15444-15) for some code-blocks, classic (15444-1) for others. OpenJPEG 2.5.0 overflows a
/// heap buffer on them, so they are refused before it sees them.
@Suite("JPEG 2000 with HT and classic code-blocks mixed")
struct JPEG2000MixedCoderTests {
    /// A 100 x 100, 3-component classic codestream (one tile).
    let classic: [UInt8]
    let limits = CodestreamLimits(maximumSampleCount: 100 * 100 * 3)
    /// A COC marker segment (A.6.2) for component 1: 5 levels, 64 x 64 code-blocks, the HT coder.
    let htComponentOne: [UInt8] = [0xFF, 0x53, 0x00, 0x09, 0x01, 0x00, 0x05, 0x04, 0x04, 0x40, 0x01]

    init() throws {
        classic = try JPEG2000TestSupport.firstFrame(path: SampleCorpus.codecsPath("JPEG2000__SC_rgb_gdcm_KY.dcm"))
    }

    static let mixedReason = CodecError.unsupportedCodestream(
        format: .jpeg2000, reason: "High-Throughput (ISO/IEC 15444-15) and classic code-blocks mixed in one codestream")

    /// The offset of the first `marker` in the codestream.
    func offset(of marker: UInt16) throws -> Int {
        try #require(
            (0..<(classic.count - 1)).first { Int(classic[$0]) << 8 | Int(classic[$0 + 1]) == Int(marker) })
    }

    @Test("the classic codestream decodes")
    func classicDecodes() throws {
        #expect(try JPEG2000Codec.decode(classic, limits: limits).width == 100)
    }

    @Test("a main header COC selecting the HT coder beside a classic COD is refused")
    func mainHeaderMix() throws {
        let cod = try offset(of: 0xFF52)
        let codEnd = cod + 2 + (Int(classic[cod + 2]) << 8 | Int(classic[cod + 3]))
        var mixed = classic
        mixed.insert(contentsOf: htComponentOne, at: codEnd)
        #expect(throws: Self.mixedReason) { try JPEG2000Codec.decode(mixed, limits: limits) }
    }

    @Test("a tile-part header COC selecting the HT coder in a classic codestream is refused")
    func tilePartHeaderMix() throws {
        let sot = try offset(of: 0xFF90)
        var mixed = classic
        let length = (sot + 6..<sot + 10).reduce(0) { $0 << 8 | Int(classic[$1]) }
        #expect(length > 0)
        let longer = length + htComponentOne.count
        for index in 0..<4 { mixed[sot + 6 + index] = UInt8(truncatingIfNeeded: longer >> (24 - 8 * index)) }
        mixed.insert(contentsOf: htComponentOne, at: sot + 12)
        #expect(throws: Self.mixedReason) { try JPEG2000Codec.decode(mixed, limits: limits) }
    }
}
