import Foundation
import LucidCodecs
import LucidTestSupport
import Testing

/// Files' HTJ2K codestreams are decoded by OpenJPEG's HT decoder: it reads what OpenJPH writes,
/// and it refuses the malformed codestream on which OpenJPH 0.9.0's own decoder writes 21 MB past
/// a heap buffer (FuzzHTJ2K's reproducer in Fuzz/regressions/FuzzHTJ2K).
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

    @Test("The precinct-overflow reproducer is refused with a codestream error")
    func precinctOverflow() throws {
        let path =
            SampleCorpus.packageRoot
            + "/Fuzz/regressions/FuzzHTJ2K/precinct-parse-heap-overflow-openjph-0.9.0.j2c"
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        #expect(bytes.count == 404)
        #expect {
            _ = try HTJ2KCodec.decode(bytes, limits: Self.limits)
        } throws: { error in
            guard case CodecError.codestream(.htj2k, _, let message) = error else { return false }
            return message.contains("Malformed HT codeblock")
        }
    }
}
