import LucidCodecs
import Testing

/// A SIZ tile size that wraps OpenJPH 0.9.0's 32-bit tile count (found by FuzzHTJ2K; reproducer in
/// Fuzz/regressions/FuzzHTJ2K): OpenJPH counts zero tiles and dereferences a missing tile when it reads
/// the first tile-part, so the shim refuses such a SIZ before OpenJPH sees it.
@Suite struct HTJ2KTileCountOverflowTests {
    /// A valid 12x20 codestream with XTsiz (byte 24) or YTsiz (byte 28) replaced.
    func codestream(tileSizeAt offset: Int, _ size: UInt32) throws -> [UInt8] {
        let source = HTJ2KTestData.random(width: 12, height: 20, precision: 12, seed: 3)
        var bytes = try HTJ2KCodec.encode(source)
        #expect(Array(bytes[0..<4]) == [0xFF, 0x4F, 0xFF, 0x51], "SOC then SIZ")
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: size >> (24 - 8 * index)) }
        return bytes
    }

    @Test("A tile size whose tile count wraps in 32 bits is refused, in either direction", arguments: [24, 28])
    func wrappingTileSize(offset: Int) throws {
        let limits = CodestreamLimits(maximumSampleCount: 1 << 20)
        let extent: UInt32 = offset == 24 ? 12 : 20
        for size in [UInt32.max, UInt32.max - extent + 2] {
            let bytes = try codestream(tileSizeAt: offset, size)
            #expect(throws: CodecError.self, "tile size \(size)") {
                try HTJ2KCodec.decodeThroughOpenJPH(bytes, limits: limits)
            }
        }
        let largest = try codestream(tileSizeAt: offset, UInt32.max - extent + 1)
        let decoded = try HTJ2KCodec.decodeThroughOpenJPH(largest, limits: limits)
        #expect(decoded.width == 12 && decoded.height == 20, "one tile of 2^32 - extent still decodes")
    }

    /// FuzzHTJ2K's out-of-memory input (Fuzz/regressions/FuzzHTJ2K): a 32264x8 RGB image in 8x8 tiles,
    /// 4033 tiles of 3 components, for which OpenJPH 0.9.0 allocated 2.16 GB before reading any data.
    static let tinyTiles: [UInt8] = {
        let hex = [
            "ff4fff51002f400000007e08000000080000000000000000000000080000000800000000000000000003070101070101",
            "070101ff500008000200000005ff52000c00020001010504044001ff5c00132058606068606068606068606060585860",
            "ff63001600014f70656e4a50482056657220302e392e302eff90000a00000000015c0001ff93c00940f500c77400c009",
            "40e101a17400c009408101077400000000000000c004b0012c0024f500c77400f500c77400fe006300c004b05d2c0023",
            "fe01077400fe01077400006300c004b0012c002454018774005401877400fe006300c004b0012c004a7ffe1293006bf2",
            "22b3001dc830d300c00544004f00150022deedfe0041b4001c5b0f0041b4008021230200c33400c00544005440054004",
            "5049c90081b4007a08a9e50086b40000b688e10080d400c00a980155001380963bf841a511ecb600912fa4eb474ea4c6",
            "96006b0de3abdf3500c00b4e005a1001680028ab0f5d0c2b1f024460b0dd0063a020599700a84e497e24b0a0cb00fd0c",
            "59042a9600d661e00e8603108286fe406830b73600c00b52005a50016800b8f38ac62814612260140a4adf00c75040b6",
            "b700b45318531a13000a984480f10c740802b600f26c334f8e05008229e6406830b73600ffd9ffffffffffffffffffff",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "ffffffffffffffffffffffffffffffffffffff",
        ].joined()
        return stride(from: 0, to: hex.count, by: 2).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16) ?? 0
        }
    }()

    @Test("Thousands of tiny tiles in a small image are refused before OpenJPH allocates them")
    func tinyTilesRefused() {
        #expect(Self.tinyTiles.count == 547)
        #expect(Array(Self.tinyTiles[0..<4]) == [0xFF, 0x4F, 0xFF, 0x51])
        let error = #expect(throws: CodecError.self) {
            try HTJ2KCodec.decodeThroughOpenJPH(Self.tinyTiles, limits: CodestreamLimits(maximumSampleCount: 1 << 20))
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("tile-components"), "refused by the tile cap")
    }
}
