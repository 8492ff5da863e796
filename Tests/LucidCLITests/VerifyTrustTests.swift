import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// `lucid verify` and `lucid archive ls` on archives that are read-only, damaged, emptied, being
/// written, or hold leftovers, planted links, names that are not UTF-8 and escape sequences.
@Suite struct VerifyTrustTests {
    /// A processed archive of the fixture's good files.
    static func processed() throws -> ArchiveFixture {
        let fixture = try ArchiveFixture(bad: false)
        let (result, _) = try fixture.process(["--steps", "window:file"])
        #expect(result.status == 0, "\(result.standardError)")
        return fixture
    }

    /// The files the index records, read through a writer that is closed again on return.
    static func recorded(_ archive: String) throws -> [RecordedFile] {
        try Archive(root: archive, create: false).recordedFiles()
    }

    @Test("verify and ls work on a read-only archive and create nothing in it")
    func readOnlyArchive() throws {
        let fixture = try Self.processed()
        let before = try FileManager.default.contentsOfDirectory(atPath: fixture.archive).sorted()
        guard let readOnly = try ReadOnlyFolder.make(fixture.archive) else { return }
        defer { readOnly.restore() }
        #expect(readOnly.isReadOnly)
        let verify = try LucidBinary.run(["verify", fixture.archive])
        #expect(verify.status == 0, "\(verify.outputText)\(verify.standardError)")
        #expect(verify.standardError.contains("all intact"), "\(verify.standardError)")
        let listing = try LucidBinary.run(["archive", "ls", fixture.archive, "--json"])
        #expect(listing.status == 0, "\(listing.standardError)")
        let patients = try JSONSerialization.jsonObject(with: listing.standardOutput) as? [[String: Any]]
        #expect(patients?.isEmpty == false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.archive).sorted() == before)
    }

    @Test("changed bytes in index.sqlite are reported as a damaged index, and no file is checked")
    func damagedIndex() throws {
        let fixture = try Self.processed()
        let file = try #require(try Self.recorded(fixture.archive).first { $0.role == .derived })
        let indexPath = fixture.archive + "/index.sqlite"
        #expect(!FileManager.default.fileExists(atPath: indexPath + "-wal"), "the index is checkpointed")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: indexPath)))
        let path = Array(file.path.utf8), digest = Array(file.sha256.utf8)
        var changed = 0
        for start in 0..<(bytes.count - path.count) where bytes[start] == path[0] {
            guard Array(bytes[start..<start + path.count]) == path else { continue }
            let after = bytes[(start + path.count)..<min(bytes.count, start + path.count + 80)]
            guard after.firstRange(of: digest) != nil else { continue }
            bytes[start + path.count - 1] ^= 0x01  // "….dcm" becomes "….dcl": still a plausible name
            changed += 1
        }
        #expect(changed >= 1, "the record of \(file.path) was found in the index file")
        try Data(bytes).write(to: URL(fileURLWithPath: indexPath))
        let verify = try LucidBinary.run(["verify", fixture.archive])
        #expect(verify.status == 1)
        #expect(verify.standardError.contains(indexPath), "\(verify.standardError)")
        #expect(verify.standardError.contains("damaged"), "\(verify.standardError)")
        #expect(verify.standardError.contains("integrity_check"), "\(verify.standardError)")
        #expect(verify.outputText.isEmpty, "no file is reported from a damaged index: \(verify.outputText)")
    }

    @Test("a page of garbage in index.sqlite: ls and verify say the index is damaged")
    func garbledPage() throws {
        let fixture = try Self.processed()
        let indexPath = fixture.archive + "/index.sqlite"
        let handle = try #require(FileHandle(forUpdatingAtPath: indexPath))
        handle.seek(toFileOffset: 4096)
        handle.write(Data(repeating: 0xA5, count: 64))
        try handle.close()
        for arguments in [["archive", "ls", fixture.archive], ["verify", fixture.archive]] {
            let result = try LucidBinary.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.standardError.contains("damaged"), "\(arguments): \(result.standardError)")
            #expect(result.outputText.isEmpty, "\(arguments): \(result.outputText)")
        }
    }

    @Test("ls on an index that records no images: says so; exit 1 when the archive holds files, else 0")
    func emptiedIndex() throws {
        let fixture = try Self.processed()
        let empty = fixture.base.folder + "/empty"
        _ = try Archive(root: empty)
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: fixture.archive + "/index.sqlite" + suffix)
        }
        try FileManager.default.copyItem(atPath: empty + "/index.sqlite", toPath: fixture.archive + "/index.sqlite")
        let emptied = try LucidBinary.run(["archive", "ls", fixture.archive])
        #expect(emptied.status == 1)
        #expect(emptied.standardError.contains("the index records no images"), "\(emptied.standardError)")
        #expect(emptied.standardError.contains("run lucid verify"), "\(emptied.standardError)")
        let fresh = try LucidBinary.run(["archive", "ls", empty])
        #expect(fresh.status == 0, "\(fresh.standardError)")
        #expect(fresh.standardError.contains("the index records no images"), "\(fresh.standardError)")
        let absent = try LucidBinary.run(["archive", "ls", fixture.archive, "--patient", "NOBODY"])
        #expect(absent.status == 1)
    }

    @Test("a 1 MiB temporary file left by a killed write is reported with its size; the archive stays clean")
    func leftoverTemporary() throws {
        let fixture = try Self.processed()
        let file = try #require(try Self.recorded(fixture.archive).first { $0.role == .derived })
        let folder = (file.path as NSString).deletingLastPathComponent
        let leftover = folder + "/.x.derived.dcm.tmp-1f2e3d4c"
        let created = FileManager.default.createFile(
            atPath: fixture.archive + "/" + leftover, contents: Data(repeating: 7, count: 1 << 20))
        #expect(created)
        let verify = try LucidBinary.run(["verify", fixture.archive])
        #expect(verify.status == 0, "\(verify.outputText)\(verify.standardError)")
        #expect(verify.outputText.contains("leftover: \(leftover) (1048576 bytes)"), "\(verify.outputText)")
        let json = try LucidBinary.run(["verify", fixture.archive, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        let leftovers = report["leftovers"] as? [[String: Any]]
        #expect(leftovers?.first?["path"] as? String == leftover)
        #expect((leftovers?.first?["size"] as? NSNumber)?.intValue == 1 << 20)
        #expect(report["ok"] as? Bool == true)
    }

    @Test("verify while a writer has the archive open: archive busy, exit 3; clean once it closed")
    func busyArchive() throws {
        let fixture = try Self.processed()
        try {
            let writer = try Archive(root: fixture.archive)
            let busy = try LucidBinary.run(["verify", fixture.archive])
            #expect(busy.status == 3, "\(busy.outputText)\(busy.standardError)")
            #expect(busy.standardError.contains("archive busy"), "\(busy.standardError)")
            #expect(busy.standardError.contains("retry"), "\(busy.standardError)")
            withExtendedLifetime(writer) {}
        }()
        let clean = try LucidBinary.run(["verify", fixture.archive])
        #expect(clean.status == 0, "\(clean.outputText)\(clean.standardError)")
    }
}
