import Foundation
import LucidCodecs
import LucidTestSupport
import Testing

/// Files' HTJ2K codestreams are decoded by OpenJPH through the shim's guards, and by OpenJPEG's HT
/// decoder when OpenJPH refuses them: the file decoder reads what OpenJPH writes, and refuses every
/// reproducer FuzzHTJ2K found in either library (Fuzz/regressions/FuzzHTJ2K): OpenJPH 0.9.0 writing
/// 21 MB past a heap buffer, OpenJPEG 2.5.0 failing an assert on a marker code inside MEL data, and
/// the tile-grid faults.
@Suite struct HTJ2KFileDecodingTests {
    static let limits = CodestreamLimits(maximumSampleCount: 1 << 20)

    @Test("What OpenJPH encodes, the file decoder reads back exactly, RPCL with TLM included")
    func encoderOutput() throws {
        let source = HTJ2KTestData.random(width: 37, height: 21, precision: 12, seed: 11)
        for rpcl in [false, true] {
            let decoded = try HTJ2KCodec.decode(HTJ2KCodec.encode(source, progressionRPCL: rpcl), limits: Self.limits)
            #expect(decoded.samples == source.samples && decoded.precision == 12, "RPCL \(rpcl)")
        }
    }

    @Test(
        "FuzzHTJ2K's reproducers are refused with a codestream error",
        arguments: [
            "precinct-parse-heap-overflow-openjph-0.9.0.j2c", "mel-init-assert-openjpeg-2.5.0.j2c",
            "siz-tile-width-wrapping-openjph-tile-count.j2c", "4033-tiny-tiles-allocating-2GB.j2c",
        ])
    func reproducers(name: String) throws {
        let path = SampleCorpus.packageRoot + "/Fuzz/regressions/FuzzHTJ2K/" + name
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        #expect(throws: CodecError.self) { try HTJ2KCodec.decode(bytes, limits: Self.limits) }
        // HT code-blocks in a codestream of a JPEG 2000 (Part 1) transfer syntax take the same checks.
        #expect(throws: CodecError.self) { try JPEG2000Codec.decode(bytes, limits: Self.limits) }
    }
}
