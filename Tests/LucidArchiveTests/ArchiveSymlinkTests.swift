import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// Nothing below the archive root is followed through a symbolic link when writing: a link planted
/// where a folder or file of the archive belongs is refused, naming it, and nothing lands outside.
@Suite struct ArchiveSymlinkTests {
    @Test("a patient folder replaced by a link to a folder outside: the next store is refused, nothing written outside")
    func plantedFolderLink() throws {
        let base = try LucidBinary.temporaryFolder()
        let root = base + "/archive"
        let outside = base + "/outside"
        let archive = try Archive(root: root)
        let plan = ArchiveStoreTests.plan()
        _ = try archive.store(plan, files: ArchiveStoreTests.files(plan))
        let patient = root + "/" + plan.identity.patientFolder
        try FileManager.default.moveItem(atPath: patient, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: patient, withDestinationPath: outside)
        let before = try Self.listing(outside)

        let other = ArchiveStoreTests.plan(recipe: "window:lung")
        #expect {
            _ = try Archive(root: root).store(other, files: ArchiveStoreTests.files(other))
        } throws: { error in
            error as? ArchiveError == .symbolicLink(path: patient)
        }
        #expect(try Self.listing(outside) == before, "nothing was written through the link")
        #expect(try !Archive(root: root).isArchived(plan), "an entry reached through a link is not intact")
    }

    @Test("an original replaced by a link is not intact and is replaced by the file itself, not written through")
    func plantedFileLink() throws {
        let base = try LucidBinary.temporaryFolder()
        let root = base + "/archive"
        let target = base + "/victim.txt"
        #expect(FileManager.default.createFile(atPath: target, contents: Data([1, 2, 3])))
        let archive = try Archive(root: root)
        let plan = ArchiveStoreTests.plan()
        _ = try archive.store(plan, files: ArchiveStoreTests.files(plan))
        let original = root + "/" + plan.originalPath
        try FileManager.default.removeItem(atPath: original)
        try FileManager.default.createSymbolicLink(atPath: original, withDestinationPath: target)
        #expect(try !archive.isArchived(plan))
        guard case .archived = try archive.store(plan, files: ArchiveStoreTests.files(plan, original: [1, 2, 3])) else {
            Issue.record("expected the entry to be repaired")
            return
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: original)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(FileManager.default.contents(atPath: target) == Data([1, 2, 3]), "the link's target is untouched")
    }

    static func listing(_ folder: String) throws -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }
}
