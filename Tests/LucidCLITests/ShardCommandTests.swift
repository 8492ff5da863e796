import Foundation
import LucidTestSupport
import Testing

/// `lucid process --shard K/N` through the binary.
@Suite struct ShardCommandTests {
    @Test("three shards process every input exactly once; a re-run of a shard processes the same files")
    func partition() throws {
        let fixture = try PACSFixture(count: 9)
        var seen: [String] = []
        for index in 1...3 {
            let arguments = [
                "process", fixture.input, "--out", fixture.folder + "/out\(index)", "--shard", "\(index)/3", "--json",
            ]
            let result = try fixture.run(arguments)
            #expect(result.status == 0, "\(result.standardError)")
            let paths = ProcessFixture.jsonLines(result.standardOutput).compactMap { $0["path"] as? String }
            seen += paths
            let manifest = try ProcessFixture.manifest(in: fixture.folder + "/out\(index)")
            #expect((manifest["options"] as? [String: Any])?["shard"] as? String == "\(index)/3")
            let again = try fixture.run(arguments)
            #expect(
                ProcessFixture.jsonLines(again.standardOutput).compactMap { $0["path"] as? String }.sorted()
                    == paths.sorted())
        }
        let all = (1...9).map { fixture.input + String(format: "/%02d.dcm", $0) }
        #expect(seen.sorted() == all, "no file twice, none lost")
    }

    @Test("a malformed or out-of-range shard is a usage error (exit 2) saying what is wrong")
    func usage() throws {
        let fixture = try PACSFixture(count: 1)
        for (shard, message) in [
            ("0/3", "--shard '0/3': K must be between 1 and N"), ("4/3", "--shard '4/3': K must be between 1 and N"),
            ("2", "--shard '2': write K/N with whole numbers"), ("a/b", "--shard 'a/b': write K/N with whole numbers"),
        ] {
            let result = try fixture.run(["process", fixture.input, "--out", fixture.folder + "/out", "--shard", shard])
            #expect(result.status == 2, "\(shard)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.folder + "/out"))
    }
}
