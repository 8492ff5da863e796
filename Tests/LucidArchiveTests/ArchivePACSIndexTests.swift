import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// The index's record of what reached which PACS (schema version 2), and archives made before it.
@Suite struct ArchivePACSIndexTests {
    static let pacs = "dicomweb+http://127.0.0.1:8042/dicom-web"

    /// An archive with one image (original, derived, rendition), as `ArchiveStoreTests` makes it.
    func makeArchive() throws -> (Archive, ArchivePlan) {
        let root = try LucidBinary.temporaryFolder() + "/archive"
        let archive = try Archive(root: root)
        let plan = ArchiveStoreTests.plan()
        _ = try archive.store(plan, files: ArchiveStoreTests.files(plan))
        return (archive, plan)
    }

    /// Runs SQL on an index with Python's sqlite3 (outside Lucid, as another program would);
    /// returns the printed rows, or nil after recording that python3 is missing.
    func sqlite(_ index: String, _ statements: String, query: String? = nil) throws -> String? {
        let python = ExternalTool.find("python3")
        guard ExternalTool.require(python != nil, tool: "python3", install: "apt-get install -y python3"),
            let python
        else { return nil }
        let script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()
            if len(sys.argv) > 3: print(c.execute(sys.argv[3]).fetchall())
            """
        let result = try ExternalTool.run(python, ["-c", script, index, statements] + (query.map { [$0] } ?? []))
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("only originals and derived DICOMs are pushable; attempts are recorded per PACS, the latest wins")
    func recordAttempts() throws {
        let (archive, plan) = try makeArchive()
        let files = try archive.pushableFiles(pacs: Self.pacs)
        #expect(files.map(\.path) == [plan.derivedPath(frame: 1), plan.originalPath].sorted())
        #expect(files.allSatisfy { $0.confirmedAt == nil })
        let original = try #require(files.first { $0.role == .original })
        #expect(
            original.sopInstanceUID == "1.2.3.4.5" && original.size == 3 && original.sha256 == SHA256.hex([1, 2, 3]))

        let attempts = files.map { file in
            PACSAttempt(
                path: file.path, sopInstanceUID: file.sopInstanceUID, sha256: file.sha256,
                confirmed: file.role == .original, error: file.role == .original ? nil : "rejected")
        }
        try archive.recordPACSAttempts(pacs: Self.pacs, attempts)
        let after = try archive.pushableFiles(pacs: Self.pacs)
        #expect(after.first { $0.role == .original }?.confirmedAt != nil)
        #expect(after.first { $0.role == .derived }?.confirmedAt == nil)
        #expect(try archive.pushableFiles(pacs: "dicomweb+http://other/dw").allSatisfy { $0.confirmedAt == nil })
        #expect(
            try archive.pushableFiles(pacs: Self.pacs, paths: [plan.originalPath]).map(\.path) == [plan.originalPath])

        // A later failure clears the confirmation: the index shows what is not known to be there.
        var failed = attempts[0]
        failed.confirmed = false
        failed.error = "unreachable"
        try archive.recordPACSAttempts(pacs: Self.pacs, [failed])
        #expect(try archive.pushableFiles(pacs: Self.pacs).allSatisfy { $0.confirmedAt == nil })
        #expect(try archive.verify().isClean)
    }

    /// SQL that takes an index back to schema version 4, as Lucid wrote it before version 5.
    static let backToVersion4 =
        "ALTER TABLE instances DROP COLUMN flags; DELETE FROM grdb_migrations WHERE identifier = 'v5-flags'; "
        + "PRAGMA user_version = 4;"

    /// SQL that takes an index back to schema version 3, as Lucid wrote it before version 4.
    static let backToVersion3 =
        backToVersion4
        + "ALTER TABLE instances DROP COLUMN stated_sop_instance_uid; ALTER TABLE instances DROP COLUMN uid_note; "
        + "DELETE FROM grdb_migrations WHERE identifier = 'v4-stated-uids'; PRAGMA user_version = 3;"

    @Test("an archive made before the PACS table opens, is migrated to version 5, and verifies clean")
    func oldArchiveIsMigrated() throws {
        let (archive, plan) = try makeArchive()
        let old =
            Self.backToVersion3
            + "DROP TABLE pacs_uploads; DROP TABLE conflicts; DROP TABLE grdb_migrations; DROP INDEX files_sop_instance_uid; "
            + "PRAGMA user_version = 1;"
        guard let before = try sqlite(archive.indexPath, old, query: "PRAGMA user_version") else { return }
        #expect(before == "[(1,)]")
        // Two openers at once, as two `lucid` runs started together would be.
        let opened = Mutexed<[Bool]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let ok = (try? Archive(root: archive.root, create: false)) != nil
            opened.update { $0.append(ok) }
        }
        #expect(opened.value == [true, true])
        let reopened = try Archive(root: archive.root, create: false)
        #expect(try sqlite(reopened.indexPath, "", query: "PRAGMA user_version") == "[(5,)]")
        #expect(
            try sqlite(reopened.indexPath, "", query: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                == "[('v1-archive',), ('v2-pacs-uploads',), ('v3-conflicts',), ('v4-stated-uids',), ('v5-flags',)]")
        #expect(try reopened.verify().isClean)
        #expect(try reopened.pushableFiles(pacs: Self.pacs).count == 2)
        #expect(try reopened.isArchived(plan))
    }

    @Test(
        "an archive at schema version 3 opens, is migrated to 5, lists its rows without a note and files new ones with it"
    )
    func versionThreeIsMigrated() throws {
        let (archive, plan) = try makeArchive()
        guard try sqlite(archive.indexPath, Self.backToVersion3, query: "PRAGMA user_version") == "[(3,)]" else {
            return
        }
        let reader = try ArchiveReader(root: archive.root)
        let before = try reader.listing().patients.first?.studies.first?.series.first?.instances.first
        #expect(before?.sopInstanceUID == "1.2.3.4.5" && before?.statedSOPInstanceUID == nil && before?.uidNote == nil)

        let reopened = try Archive(root: archive.root, create: false)
        #expect(try sqlite(reopened.indexPath, "", query: "PRAGMA user_version") == "[(5,)]")
        #expect(
            try sqlite(reopened.indexPath, "", query: "SELECT stated_sop_instance_uid, uid_note FROM instances")
                == "[(None, None)]")
        #expect(try reopened.isArchived(plan))
        #expect(try reopened.verify().isClean)

        var identity = ArchiveStoreTests.identity
        let original: [UInt8] = [7, 7]
        let (key, note) = ArchiveKey.key(stated: "", fileSHA256: SHA256.hex(original))
        identity.sopInstanceUID = key
        identity.statedSOPInstanceUID = ""
        identity.uidNote = note
        let odd = ArchivePlan(
            identity: identity, recipe: "window:file", frames: [1], renditionSuffixes: [".png"], sourcePath: "odd.dcm",
            originalSHA256: SHA256.hex(original))
        _ = try reopened.store(odd, files: ArchiveStoreTests.files(odd, original: original))
        let instances = try reopened.listing().patients.first?.studies.first?.series.first?.instances ?? []
        let filed = try #require(instances.first { $0.sopInstanceUID == key })
        #expect(filed.statedSOPInstanceUID == "" && filed.uidNote == note)
        #expect(try reopened.verify().isClean)
    }
}
