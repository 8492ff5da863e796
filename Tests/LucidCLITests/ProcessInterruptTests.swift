import Foundation
import LucidPNG
import LucidTestSupport
import Testing

/// Ctrl-C during `lucid process`: the batch stops, prints its summary, exits 130, and leaves only
/// complete outputs.
@Suite struct ProcessInterruptTests {
    @Test("SIGINT after the first file: exit 130, a summary, a manifest, complete outputs only, no temporary files")
    func interrupt() throws {
        let fixture = try ProcessFixture()
        for index in 0..<40 { try fixture.copy("ct_nema_ct1_evrle.dcm", to: "copy\(index).dcm") }
        let (process, received) = try ProcessFixture.interruptedAfterFirstLine([
            "process", fixture.input, "--out", fixture.output, "--json", "--jobs", "1", "--preset", "chest-xray",
        ])

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        let lines = ProcessFixture.jsonLines(received)
        let summary = try #require(lines.last?["summary"] as? [String: Any])
        #expect(summary["interrupted"] as? Bool == true)
        let files = try #require(summary["files"] as? Int)
        #expect(files >= 1 && files < 40)
        let outputs = ProcessFixture.renditions(under: fixture.output)
        #expect(outputs.count == files)
        let manifest = try ProcessFixture.manifest(in: fixture.output)
        let recorded = try #require(manifest["summary"] as? [String: Any])
        #expect(recorded["interrupted"] as? Bool == true)
        #expect(recorded["files"] as? Int == files)
        #expect((manifest["files"] as? [[String: Any]])?.count == files)
        for name in outputs {
            #expect(!name.contains(".tmp-"), "\(name)")
            let bytes = try #require(FileManager.default.contents(atPath: fixture.output + "/" + name))
            #expect(try PNGCodec.decode([UInt8](bytes)).image.width == 512, "\(name)")
        }
    }
}
