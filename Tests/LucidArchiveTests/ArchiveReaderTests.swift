import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// `ArchiveReader`: reads without writing, checks the index's records and schema first.
@Suite struct ArchiveReaderTests {
    /// An archive holding one stored instance, closed again.
    static func closedArchive() throws -> String {
        let root = try LucidBinary.temporaryFolder() + "/archive"
        let plan = ArchiveStoreTests.plan()
        _ = try Archive(root: root).store(plan, files: ArchiveStoreTests.files(plan))
        return root
    }

    /// `ArchiveReader(root:exclusive: true)` on an archive this process has just closed. A child that
    /// another test spawns at that moment holds a copy of every descriptor, the lock file's included,
    /// until its `exec` closes them, so the lock can stay taken for a moment after the writer is gone:
    /// `busy` is tried again for up to 10 s.
    static func exclusiveReader(_ root: String) throws -> ArchiveReader {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do throws(ArchiveError) {
                return try ArchiveReader(root: root, exclusive: true)
            } catch {
                guard case .busy = error, Date() < deadline else { throw error }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    @Test("verify takes the lock exclusively, opens the index immutable and writes nothing")
    func writesNothing() throws {
        let root = try Self.closedArchive()
        let before = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        #expect(before.contains("index.sqlite.lock") && !before.contains("index.sqlite-wal"))
        let reader = try Self.exclusiveReader(root)
        #expect(reader.access == .immutable)
        let report = try reader.verify()
        #expect(report.isClean && report.checked == 3)
        #expect(throws: ArchiveError.busy(path: root)) { try ArchiveReader(root: root, exclusive: true) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == before)
    }

    @Test("a listing reader takes no lock and reads a snapshot beside an open writer")
    func listingBesideWriter() throws {
        let root = try Self.closedArchive()
        let writer = try Archive(root: root)
        let reader = try ArchiveReader(root: root)
        #expect(reader.access == .readOnly)
        #expect(try reader.listing().patients.count == 1)
        #expect(throws: ArchiveError.busy(path: root)) { try ArchiveReader(root: root, exclusive: true) }
        let second = try Archive(root: root)
        withExtendedLifetime((writer, second)) {}
    }

    @Test("an indexed path that leaves the archive or holds a control character is index damage")
    func implausiblePaths() throws {
        for path in ["'../outside.png'", "'a//b.png'", "'/etc/passwd'", "'x' || char(27) || '[2J.png'"] {
            let root = try Self.closedArchive()
            let update = "UPDATE files SET path = \(path) WHERE role = 'rendition';"
            guard try ArchivePACSIndexTests().sqlite(root + "/index.sqlite", update) != nil else { return }
            #expect {
                try Self.exclusiveReader(root).verify()
            } throws: { error in
                guard case .damagedIndex(let index, let findings) = error as? ArchiveError else { return false }
                return index == root + "/index.sqlite" && findings.first?.contains("implausible indexed path") == true
                    && findings.allSatisfy { !$0.contains("\u{1B}") }
            }
        }
    }

    @Test("an index of schema version 1 is read without migrating; a newer version is refused by name")
    func schemaVersions() throws {
        let root = try Self.closedArchive()
        let index = root + "/index.sqlite"
        let old =
            "DROP TABLE pacs_uploads; DROP TABLE grdb_migrations; DROP INDEX files_sop_instance_uid; "
            + "PRAGMA user_version = 1;"
        guard try ArchivePACSIndexTests().sqlite(index, old) != nil else { return }
        let report = try Self.exclusiveReader(root).verify()
        #expect(report.isClean && report.checked == 3)
        #expect(try ArchiveReader(root: root).listing().patients.count == 1)
        #expect(try ArchivePACSIndexTests().sqlite(index, "", query: "PRAGMA user_version") == "[(1,)]")

        _ = try ArchivePACSIndexTests().sqlite(index, "PRAGMA user_version = 9;")
        #expect {
            try ArchiveReader(root: root).checkIndex(full: false)
        } throws: { error in
            "\(error)".contains(index) && "\(error)".contains("schema version 9 is newer")
        }
    }
}
