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
            #expect(throws: CodecError.self, "tile size \(size)") { try HTJ2KCodec.decode(bytes, limits: limits) }
        }
        let largest = try codestream(tileSizeAt: offset, UInt32.max - extent + 1)
        let decoded = try HTJ2KCodec.decode(largest, limits: limits)
        #expect(decoded.width == 12 && decoded.height == 20, "one tile of 2^32 - extent still decodes")
    }
}
