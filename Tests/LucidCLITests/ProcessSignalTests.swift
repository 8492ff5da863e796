import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// SIGTERM and SIGKILL during an archiving batch with large outputs (SIGINT: ProcessInterruptTests
/// and ArchiveConcurrencyTests). SIGTERM stops like Ctrl-C. SIGKILL cannot be caught: it may leave
/// temporary files (recognisable names, never a partial file under a final name) and complete
/// archive files the index does not know yet, which the writer's commit journal names (`lucid verify`
/// counts both as leftovers and stays clean); the next run into the archive files them and removes
/// the temporary files and the journal.
@Suite(.serialized) struct ProcessSignalTests {
    static func arguments(_ fixture: ArchiveFixture) -> [String] {
        [
            "process", fixture.input, "--out", fixture.base.output, "--archive", fixture.archive, "--json", "--jobs",
            "1", "--format", "png16", "--format", "png", "--format", "jpeg",
        ]
    }

    /// Starts a batch, waits for its first finished file, sends `signal`, and returns its output.
    static func interrupt(_ fixture: ArchiveFixture, with signal: Int32) throws -> (Process, Data) {
        let (process, pipe) = try ArchiveConcurrencyTests.launch(arguments(fixture))
        var received = ProcessFixture.readThroughFirstLine(of: pipe.fileHandleForReading)
        kill(process.processIdentifier, signal)
        received.append(pipe.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        return (process, received)
    }

    @Test("SIGTERM mid-batch: exit 143, a summary, complete outputs only, a clean archive; a re-run completes")
    func terminate() throws {
        let fixture = try ArchiveConcurrencyTests.batch(30)
        let hashes = try fixture.base.inputHashes()
        let (process, received) = try Self.interrupt(fixture, with: SIGTERM)
        #expect(process.terminationReason == .exit && process.terminationStatus == 143)
        let summary = try #require(ProcessFixture.jsonLines(received).last?["summary"] as? [String: Any])
        #expect(summary["interrupted"] as? Bool == true)
        #expect(TmpfsMount.temporaryFiles(under: fixture.base.folder).isEmpty)
        BatchFaultTests.expectCompleteRenditions(under: fixture.base.output)
        #expect(try LucidBinary.run(["verify", fixture.archive]).status == 0)
        let rerun = try LucidBinary.run(Self.arguments(fixture))
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(try LucidBinary.run(["verify", fixture.archive]).status == 0)
        #expect(try fixture.base.inputHashes() == hashes)
    }

    @Test("SIGKILL mid-batch: no partial file under a final name, indexed files intact; the re-run cleans up")
    func kill9() throws {
        let fixture = try ArchiveConcurrencyTests.batch(30)
        let hashes = try fixture.base.inputHashes()
        let (process, _) = try Self.interrupt(fixture, with: SIGKILL)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

        BatchFaultTests.expectCompleteRenditions(under: fixture.base.output)
        for name in TmpfsMount.temporaryFiles(under: fixture.base.folder) {
            #expect(!name.hasPrefix("in/"), "a temporary file among the inputs: \(name)")
        }
        let verify = try LucidBinary.run(["verify", fixture.archive, "--json"])
        let report = try #require(
            try JSONSerialization.jsonObject(with: verify.standardOutput) as? [String: Any], "\(verify.standardError)")
        #expect((report["missing"] as? [String])?.isEmpty == true, "\(report)")
        #expect((report["altered"] as? [[String: Any]])?.isEmpty == true, "\(report)")
        // Files renamed into place before the killed transaction committed are complete, unindexed and
        // named by the writer's commit journal: leftovers, so the archive is clean.
        #expect((report["unindexed"] as? [String])?.isEmpty == true, "\(report)")
        #expect(verify.status == 0, "\(report)")
        BatchFaultTests.expectCompleteRenditions(under: fixture.archive)

        // A temporary file as a kill during a write leaves it, in the folder the re-run writes to.
        let series = try #require(
            ProcessFixture.files(under: fixture.archive).first { $0.hasPrefix("BATCH/") }.map {
                ($0 as NSString).deletingLastPathComponent
            })
        let stale = fixture.archive + "/" + series + "/.1.2.3.derived.dcm.tmp-0123456789abcdef"
        #expect(FileManager.default.createFile(atPath: stale, contents: Data(repeating: 1, count: 100)))

        let rerun = try LucidBinary.run(Self.arguments(fixture))
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(TmpfsMount.temporaryFiles(under: fixture.archive).isEmpty)
        let clean = try LucidBinary.run(["verify", fixture.archive])
        #expect(clean.status == 0, "\(clean.outputText)")
        let instances = try ArchiveReader(root: fixture.archive).listing().patients
            .flatMap(\.studies).flatMap(\.series).flatMap(\.instances)
        #expect(instances.count == ArchiveFixture.good.count + 2 + 30)
        #expect(try fixture.base.inputHashes() == hashes)
    }
}
