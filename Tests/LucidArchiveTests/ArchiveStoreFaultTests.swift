import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// `Archive.store` when a write fails half-way, and after a writer was killed: the archive never
/// keeps a file its index does not know, and stale temporary files are removed under the lock.
@Suite struct ArchiveStoreFaultTests {
    @Test("a write failing after the original is placed rolls back: no unindexed file, verify clean, retry works")
    func failedWriteRollsBack() throws {
        let root = try LucidBinary.temporaryFolder() + "/archive"
        let archive = try Archive(root: root)
        let plan = ArchiveStoreTests.plan()
        let blocker = root + "/" + plan.renditionPath(frame: 1, suffix: ".png")
        // A folder where the rendition must go: its rename fails after the original and the derived
        // DICOM were written.
        try FileManager.default.createDirectory(atPath: blocker + "/inside", withIntermediateDirectories: true)
        #expect {
            _ = try archive.store(plan, files: ArchiveStoreTests.files(plan))
        } throws: { error in
            guard case ArchiveError.unwritable(let path, _) = error else { return false }
            return path == blocker
        }
        let series = (blocker as NSString).deletingLastPathComponent
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: series) == [(blocker as NSString).lastPathComponent])
        let report = try archive.verify()
        #expect(report.isClean, "\(report)")
        #expect(report.checked == 0)
        #expect(try !archive.isArchived(plan))

        try FileManager.default.removeItem(atPath: blocker)
        guard case .archived(let paths, _) = try archive.store(plan, files: ArchiveStoreTests.files(plan)) else {
            Issue.record("the retry did not archive")
            return
        }
        #expect(paths.count == 3)
        #expect(try archive.verify().isClean)
    }

    @Test("temporary files left by a killed writer are removed by the next store into their folder")
    func staleTemporariesRemoved() throws {
        let root = try LucidBinary.temporaryFolder() + "/archive"
        let archive = try Archive(root: root)
        let plan = ArchiveStoreTests.plan()
        let series = root + "/" + plan.identity.folder
        try FileManager.default.createDirectory(atPath: series, withIntermediateDirectories: true)
        let stale = [".\(plan.identity.sopInstanceUID).dcm.tmp-1f2e3d4c5b6a7988", ".other.png.tmp-0"]
        for name in stale {
            #expect(FileManager.default.createFile(atPath: series + "/" + name, contents: Data([1, 2])))
        }
        let unrelated = ".notes.tmp-xyz"
        #expect(FileManager.default.createFile(atPath: series + "/" + unrelated, contents: Data([3])))
        #expect(try archive.verify().unindexed == [plan.identity.folder + "/" + unrelated])

        _ = try archive.store(plan, files: ArchiveStoreTests.files(plan))
        let names = try FileManager.default.contentsOfDirectory(atPath: series)
        #expect(names.filter { $0.contains(".tmp-") } == [unrelated], "only the writer's temporary names go")
        #expect(names.count == 4)
    }

    @Test("each folder is swept once per opened archive: a later leftover waits for the next opening")
    func sweptOncePerArchive() throws {
        let root = try LucidBinary.temporaryFolder() + "/archive"
        let archive = try Archive(root: root)
        let first = ArchiveStoreTests.plan()
        _ = try archive.store(first, files: ArchiveStoreTests.files(first))
        let late = root + "/" + first.identity.folder + "/.late.dcm.tmp-0a"
        #expect(FileManager.default.createFile(atPath: late, contents: Data([1])))
        let second = ArchiveStoreTests.plan(recipe: "window:lung")
        _ = try archive.store(second, files: ArchiveStoreTests.files(second))
        #expect(FileManager.default.fileExists(atPath: late), "the folder was listed again for a second instance")
        let third = ArchiveStoreTests.plan(recipe: "window:bone")
        _ = try Archive(root: root).store(third, files: ArchiveStoreTests.files(third))
        #expect(!FileManager.default.fileExists(atPath: late), "a newly opened archive sweeps the folder")
    }
}
