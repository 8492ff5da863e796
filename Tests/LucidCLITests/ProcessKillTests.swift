import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// SIGKILL at random moments of an archiving batch with `--out`, again and again: after every kill
/// no partial file is under a final name, `lucid verify` is clean (files renamed into place but not
/// indexed yet are named by the writer's commit journal and count as leftovers), and a last run
/// completes every file.
@Suite(.serialized) struct ProcessKillTests {
    static func arguments(_ fixture: ArchiveFixture) -> [String] {
        [
            "process", fixture.input, "--out", fixture.base.output, "--archive", fixture.archive, "--json", "--jobs",
            "2", "--format", "png16", "--format", "png",
        ]
    }

    static let batchSize = 16

    /// Seconds a full run takes, measured on a copy of the fixture.
    static func fullRunSeconds() throws -> Double {
        let fixture = try ArchiveConcurrencyTests.batch(Self.batchSize)
        let start = Date()
        let result = try LucidBinary.run(arguments(fixture))
        #expect(result.status == 0, "\(result.standardError)")
        return Date().timeIntervalSince(start)
    }

    @Test("10 SIGKILLs at random moments: verify clean after each, no partial output; a re-run completes every file")
    func repeatedKills() throws {
        let full = try Self.fullRunSeconds()
        let fixture = try ArchiveConcurrencyTests.batch(Self.batchSize)
        var verified = 0
        var delays: [Double] = []
        for _ in 0..<10 {
            let delay = Double.random(in: 0.02...max(0.05, full))
            delays.append(delay)
            let (process, _) = try ArchiveConcurrencyTests.launch(Self.arguments(fixture))
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            BatchFaultTests.expectCompleteRenditions(under: fixture.base.output)
            BatchFaultTests.expectCompleteRenditions(under: fixture.archive)
            guard FileManager.default.fileExists(atPath: fixture.archive + "/" + Archive.indexName) else { continue }
            let verify = try LucidBinary.run(["verify", fixture.archive, "--json"])
            #expect(verify.status == 0, "after a kill at \(delay) s: \(verify.outputText)")
            verified += 1
        }
        #expect(verified >= 5, "the archive existed after only \(verified) of the kills (delays \(delays))")

        let rerun = try LucidBinary.run(Self.arguments(fixture))
        #expect(rerun.status == 0, "\(rerun.standardError)")
        let lines = ProcessFixture.jsonLines(rerun.standardOutput).filter { $0["path"] != nil }
        let inputs = ArchiveFixture.good.count + 2 + Self.batchSize
        #expect(lines.count == inputs)
        #expect(lines.allSatisfy { ["ok", "skipped"].contains($0["status"] as? String) }, "\(lines)")
        let clean = try LucidBinary.run(["verify", fixture.archive, "--json"])
        #expect(clean.status == 0, "\(clean.outputText)")
        let report = try #require(try JSONSerialization.jsonObject(with: clean.standardOutput) as? [String: Any])
        #expect((report["leftovers"] as? [Any])?.isEmpty == true, "\(report)")
        // Temporary files under --out are left for the user (README, failure behaviour); the archive's
        // are removed by the re-run, and none is ever among the inputs.
        #expect(TmpfsMount.temporaryFiles(under: fixture.archive).isEmpty)
        #expect(TmpfsMount.temporaryFiles(under: fixture.input).isEmpty)
        let instances = try ArchiveReader(root: fixture.archive).listing().patients
            .flatMap(\.studies).flatMap(\.series).flatMap(\.instances)
        #expect(instances.count == inputs)
        let renditions = ProcessFixture.files(under: fixture.base.output).filter { $0.hasSuffix(".png") }
        #expect(renditions.count >= inputs * 2, "\(renditions.count) renditions under --out")
    }

    @Test("a commit journal's unindexed files are leftovers for verify; the next writer removes a settled journal")
    func journal() throws {
        let fixture = try ArchiveFixture(bad: false)
        let (first, _) = try fixture.process()
        #expect(first.status == 0, "\(first.standardError)")
        let series = try #require(
            ProcessFixture.files(under: fixture.archive).first { $0.hasSuffix(".dcm") && $0.contains("/") })
        let renamed = (series as NSString).deletingLastPathComponent + "/renamed-before-the-commit.png"
        #expect(FileManager.default.createFile(atPath: fixture.archive + "/" + renamed, contents: Data([1, 2, 3])))
        #expect(try LucidBinary.run(["verify", fixture.archive]).status != 0, "an unindexed file without a journal")

        // A journal of a writer that is gone (process id 0x7ffffffe), naming the file.
        let journal = fixture.archive + "/.commit-journal.tmp-7ffffffe00000001"
        #expect(FileManager.default.createFile(atPath: journal, contents: Data(renamed.utf8)))
        let verify = try LucidBinary.run(["verify", fixture.archive, "--json"])
        #expect(verify.status == 0, "\(verify.outputText)")
        let report = try #require(try JSONSerialization.jsonObject(with: verify.standardOutput) as? [String: Any])
        let leftovers = (report["leftovers"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
        #expect(leftovers.contains(renamed), "\(report)")
        #expect((report["unindexed"] as? [String])?.isEmpty == true, "\(report)")

        // While the file is there unindexed, a writer keeps the journal; once it is gone, removes it.
        #expect(try fixture.process().0.status == 0)
        #expect(FileManager.default.fileExists(atPath: journal))
        try FileManager.default.removeItem(atPath: fixture.archive + "/" + renamed)
        #expect(try fixture.process().0.status == 0)
        #expect(!FileManager.default.fileExists(atPath: journal))
        #expect(try LucidBinary.run(["verify", fixture.archive]).status == 0)
    }
}
