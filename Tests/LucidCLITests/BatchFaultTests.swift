import Foundation
import LucidArchive
import LucidCodecs
import LucidFiles
import LucidPNG
import LucidTestSupport
import Testing

/// `lucid process` when the disk fills up, the output folder cannot be written, or inputs vanish or
/// shrink mid-batch. Every time: a clear error per file, the batch goes on, `lucid verify` passes,
/// no partial or temporary file remains, and no input is modified.
@Suite struct BatchFaultTests {
    /// Every rendition under `root` decodes completely (run manifests, an archive's index and temporary
    /// files aside: a killed run may leave temporary files, never a partial file under a final name).
    static func expectCompleteRenditions(under root: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for name in ProcessFixture.renditions(under: root)
        where !name.hasPrefix(Archive.indexName) && !name.hasPrefix(Archive.runsFolder + "/")
            && !AtomicFileWriter.isTemporaryFileName((name as NSString).lastPathComponent)
        {
            let bytes = [UInt8](FileManager.default.contents(atPath: root + "/" + name) ?? Data())
            let complete: Bool
            if name.hasSuffix(".png") {
                complete = (try? PNGCodec.decode(bytes)) != nil
            } else if name.hasSuffix(".jpg") {
                complete = (try? JPEGCodec.decode(bytes)) != nil
            } else {
                complete = name.hasSuffix(".dcm")
            }
            #expect(complete, "\(name) is not a complete rendition", sourceLocation: sourceLocation)
        }
    }

    static func outcomes(_ lines: [[String: Any]]) -> [String: (status: String, error: String)] {
        var outcomes: [String: (String, String)] = [:]
        for line in lines {
            guard let path = line["path"] as? String, let status = line["status"] as? String else { continue }
            outcomes[path] = (status, line["error"] as? String ?? "")
        }
        return outcomes
    }

    @Test("a full disk (3 MB tmpfs) under --out and --archive: per-file ENOSPC, the batch goes on, verify passes")
    func diskFull() throws {
        let fixture = try ArchiveConcurrencyTests.batch(12)
        guard let mount = try TmpfsMount.make(size: "3m", under: fixture.base.folder) else { return }
        defer { mount.unmount() }
        let hashes = try fixture.base.inputHashes()
        let out = mount.path + "/out", archive = mount.path + "/archive"
        let result = try LucidBinary.run([
            "process", fixture.input, "--out", out, "--archive", archive, "--json", "--jobs", "2", "--format", "png16",
        ])
        #expect(result.status == 1, "\(result.standardError)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        let outcomes = Self.outcomes(lines)
        let inputs = ArchiveFixture.good.count + 2 + 12
        #expect(outcomes.count == inputs, "every input is reported: the batch went on")
        #expect((lines.last?["summary"] as? [String: Any])?["files"] as? Int == inputs)
        let full = outcomes.values.filter { $0.status == "failed" && $0.error.contains("No space left on device") }
        #expect(full.count >= 1, "\(outcomes.values.map(\.error))")
        for (path, outcome) in outcomes where outcome.status == "failed" {
            #expect(outcome.error.contains(path), "the error names the file: \(outcome.error)")
        }
        #expect(TmpfsMount.temporaryFiles(under: mount.path).isEmpty)
        Self.expectCompleteRenditions(under: out)
        let verify = try LucidBinary.run(["verify", archive])
        #expect(verify.status == 0, "\(verify.outputText) \(verify.standardError)")
        #expect(try fixture.base.inputHashes() == hashes)
    }

    @Test("a read-only --out: every image fails naming the file, nothing is archived half, verify passes")
    func readOnlyOutput() throws {
        let fixture = try ArchiveFixture()
        guard let mount = try TmpfsMount.make(size: "1m", under: fixture.base.folder) else { return }
        defer { mount.unmount() }
        try FileManager.default.createDirectory(atPath: mount.path + "/out", withIntermediateDirectories: true)
        try mount.remount(readOnly: true)
        let hashes = try fixture.base.inputHashes()
        let (result, lines) = try fixture.process(["--out", mount.path + "/out"])
        #expect(result.status == 1)
        let outcomes = Self.outcomes(lines)
        let images = outcomes.filter { $0.key.hasSuffix(".dcm") && !$0.key.contains("/bad/") }
        #expect(images.count == ArchiveFixture.good.count + 2)
        for (path, outcome) in images {
            #expect(outcome.status == "failed")
            #expect(outcome.error.contains(path) && outcome.error.contains("Read-only file system"), "\(outcome.error)")
        }
        #expect(result.standardError.contains("Read-only file system"), "the manifest in --out cannot be written")
        #expect(ProcessFixture.files(under: mount.path).isEmpty)
        let verify = try LucidBinary.run(["verify", fixture.archive])
        #expect(verify.status == 0, "\(verify.outputText)")
        #expect(try fixture.base.inputHashes() == hashes)
    }

    @Test("a new archive folder on a read-only mount: one clear line naming it and the cause, no Foundation dump")
    func archiveOnReadOnlyMount() throws {
        let fixture = try ArchiveFixture(bad: false)
        guard let mount = try TmpfsMount.make(size: "1m", under: fixture.base.folder) else { return }
        defer { mount.unmount() }
        try mount.remount(readOnly: true)
        let archive = mount.path + "/archive"
        let result = try LucidBinary.run(["process", fixture.input, "--archive", archive])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "\(archive): cannot write: create folder \(archive) failed: Read-only file system (errno 30)"),
            "\(result.standardError)")
        #expect(!result.standardError.contains("NSCocoaErrorDomain") && !result.standardError.contains("volume"))
    }

    @Test("an archive made read-only after a first run: the next run fails clearly, the archive stays intact")
    func readOnlyArchive() throws {
        let fixture = try ArchiveFixture(bad: false)
        guard let mount = try TmpfsMount.make(size: "8m", under: fixture.base.folder) else { return }
        defer { mount.unmount() }
        let archive = mount.path + "/archive"
        let first = try LucidBinary.run(["process", fixture.input, "--archive", archive, "--json"])
        #expect(first.status == 0, "\(first.standardError)")
        try fixture.write(patientID: "LATE", sopInstanceUID: "1.2.826.0.1.3680043.2.1125.9.999", to: "late/new.dcm")
        try mount.remount(readOnly: true)
        let second = try LucidBinary.run(["process", fixture.input, "--archive", archive, "--json"])
        #expect(second.status == 1)
        #expect(
            second.standardError.contains("Read-only file system") || second.standardError.contains("readonly"),
            "\(second.standardError) \(second.outputText)")
        try mount.remount(readOnly: false)
        let verify = try LucidBinary.run(["verify", archive])
        #expect(verify.status == 0, "\(verify.outputText)")
        #expect(TmpfsMount.temporaryFiles(under: mount.path).isEmpty)
    }

    @Test("--out below a regular file (unwritable even for root): every image fails naming the file")
    func outputBelowAFile() throws {
        let fixture = try ProcessFixture.standard()
        let blocker = fixture.folder + "/blocker"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data([1])))
        let result = try LucidBinary.run(["process", fixture.input, "--out", blocker + "/out", "--json"])
        #expect(result.status == 1)
        let outcomes = Self.outcomes(ProcessFixture.jsonLines(result.standardOutput))
        #expect(outcomes.count == 7)
        let failed = outcomes.filter { $0.value.status == "failed" }
        #expect(failed.count == 6, "five images and the truncated file: \(outcomes)")
        for (path, outcome) in failed where !path.contains("/bad/") {
            #expect(outcome.error.contains(path) && outcome.error.contains("cannot create the output folder"))
        }
        #expect(FileManager.default.contents(atPath: blocker) == Data([1]))
    }
}
