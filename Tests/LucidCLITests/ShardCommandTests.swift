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

    @Test("--shard auto: the tasks of a Slurm array and of a Kubernetes Indexed Job each process their part, once")
    func auto() throws {
        let fixture = try PACSFixture(count: 9)
        let none = ["SLURM_ARRAY_TASK_ID": "", "JOB_COMPLETION_INDEX": ""]
        let schedulers: [(String, [[String: String]], [String])] = [
            (
                "slurm",
                (1...3).map {
                    none.merging([
                        "SLURM_ARRAY_TASK_ID": "\($0)", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "3",
                    ]) { _, new in new }
                }, []
            ),
            (
                "kubernetes", (0...2).map { none.merging(["JOB_COMPLETION_INDEX": "\($0)"]) { _, new in new } },
                ["--shard-count", "3"]
            ),
        ]
        for (name, tasks, extra) in schedulers {
            var seen: [String] = []
            for (task, environment) in tasks.enumerated() {
                let out = fixture.folder + "/\(name)\(task)"
                let result = try fixture.run(
                    ["process", fixture.input, "--out", out, "--shard", "auto", "--json"] + extra,
                    environment: environment)
                #expect(result.status == 0, "\(result.standardError)")
                seen += ProcessFixture.jsonLines(result.standardOutput).compactMap { $0["path"] as? String }
                let manifest = try ProcessFixture.manifest(in: out)
                #expect((manifest["options"] as? [String: Any])?["shard"] as? String == "\(task + 1)/3")
            }
            #expect(seen.sorted() == (1...9).map { fixture.input + String(format: "/%02d.dcm", $0) }, "\(name)")
        }
        let alone = try fixture.run(
            ["process", fixture.input, "--out", fixture.folder + "/alone", "--shard", "auto"], environment: none)
        #expect(alone.status == 2 && alone.standardError.contains("--shard auto: neither a Slurm job array"))
        #expect(!FileManager.default.fileExists(atPath: fixture.folder + "/alone"))
    }
}
