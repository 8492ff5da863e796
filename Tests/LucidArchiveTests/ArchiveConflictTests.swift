import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// An original, once indexed, is never replaced: another file with its SOP Instance UID and other
/// bytes is a conflict, kept apart and indexed, whatever the state of the first entry, the patient or
/// study it claims, or the number of writers.
@Suite struct ArchiveConflictTests {
    static func plan(
        _ identity: InstanceIdentity = ArchiveStoreTests.identity, recipe: String = "window:file",
        original: [UInt8]
    ) -> ArchivePlan {
        ArchivePlan(
            identity: identity, recipe: recipe, frames: [1], renditionSuffixes: [".png"], sourcePath: "in.dcm",
            originalSHA256: SHA256.hex(original))
    }

    static func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    @Test("an incomplete entry does not let another file with the same UID overwrite the original")
    func incompleteEntryKeepsItsOriginal() throws {
        let root = try LucidBinary.temporaryFolder() + "/archive"
        let archive = try Archive(root: root)
        let x: [UInt8] = [1, 2, 3]
        let z: [UInt8] = [7, 7, 7, 7]
        let first = Self.plan(original: x)
        let second = Self.plan(recipe: "window:lung", original: x)
        _ = try archive.store(first, files: ArchiveStoreTests.files(first, original: x))
        _ = try archive.store(second, files: ArchiveStoreTests.files(second, original: x))
        try FileManager.default.removeItem(atPath: root + "/" + second.renditionPath(frame: 1, suffix: ".png"))

        let intruder = Self.plan(recipe: "window:lung", original: z)
        let result = try archive.store(intruder, files: ArchiveStoreTests.files(intruder, original: z))
        guard case .conflict(let conflict) = result else {
            Issue.record("expected a conflict, got \(result)")
            return
        }
        #expect(Self.contents(root + "/" + first.originalPath) == x, "the archived original is unchanged")
        #expect(conflict.keptAs == root + "/" + intruder.conflictPath)
        #expect(Self.contents(conflict.keptAs) == z, "the newcomer is kept byte for byte")
        #expect(conflict.archivedPath == root + "/" + first.originalPath)
        #expect(conflict.archivedSHA256 == SHA256.hex(x))
        #expect(conflict.newlyKept)
        let report = try archive.verify()
        #expect(report.altered.isEmpty, "\(report)")
        #expect(report.unindexed.isEmpty, "the conflict is indexed: \(report)")
        #expect(report.missing == [second.renditionPath(frame: 1, suffix: ".png")])

        guard
            case .conflict(let again) = try archive.store(
                intruder, files: ArchiveStoreTests.files(intruder, original: z))
        else {
            Issue.record("a second attempt is still a conflict")
            return
        }
        #expect(!again.newlyKept)
        guard case .archived = try archive.store(second, files: ArchiveStoreTests.files(second, original: x)) else {
            Issue.record("the incomplete entry is repaired from its own original")
            return
        }
        #expect(try archive.verify().isClean)
    }

    @Test("the same SOP Instance UID under another patient is a conflict kept in that patient's folder")
    func otherPatient() throws {
        let root = try LucidBinary.temporaryFolder() + "/archive"
        let archive = try Archive(root: root)
        let first = Self.plan(original: [1, 2, 3])
        _ = try archive.store(first, files: ArchiveStoreTests.files(first))
        var identity = ArchiveStoreTests.identity
        identity.patientID = "OTHER"
        identity.studyInstanceUID = "1.2.9"
        let other = Self.plan(identity, original: [5, 5])
        guard
            case .conflict(let conflict) = try archive.store(
                other, files: ArchiveStoreTests.files(other, original: [5, 5]))
        else {
            Issue.record("expected a conflict")
            return
        }
        #expect(conflict.keptAs.hasPrefix(root + "/OTHER/"))
        #expect(try archive.recordedFiles().count == 3, "the first image keeps its index entry")
        #expect(try archive.verify().isClean)
        #expect(try archive.isArchived(first))
        #expect(first.derivedSOPInstanceUID(frame: 1) != other.derivedSOPInstanceUID(frame: 1))
    }

    @Test("two writers storing different bytes under one SOP Instance UID at once: one is filed, one kept apart")
    func concurrentWriters() async throws {
        let root = try LucidBinary.temporaryFolder() + "/archive"
        _ = try Archive(root: root)
        for round in 0..<8 {
            var identity = ArchiveStoreTests.identity
            identity.sopInstanceUID = "1.2.3.4.\(round + 100)"
            let originals: [[UInt8]] = [[UInt8(round), 1], [UInt8(round), 2]]
            let shared = identity
            let results = try await withThrowingTaskGroup(of: StoreResult.self) { group in
                for original in originals {
                    group.addTask {
                        let plan = Self.plan(shared, original: original)
                        return try Archive(root: root).store(
                            plan, files: ArchiveStoreTests.files(plan, original: original))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let archived = results.filter { if case .archived = $0 { true } else { false } }
            let conflicts = results.compactMap { if case .conflict(let conflict) = $0 { conflict } else { nil } }
            #expect(archived.count == 1 && conflicts.count == 1, "\(results)")
            if let conflict = conflicts.first {
                #expect(Self.contents(conflict.archivedPath).map(SHA256.hex) == conflict.archivedSHA256)
            }
        }
        #expect(try Archive(root: root).verify().isClean)
    }

    @Test("a record replaced by a new one leaves none of its own files behind")
    func replacedRecordCleaned() throws {
        let root = try LucidBinary.temporaryFolder() + "/archive"
        let archive = try Archive(root: root)
        let plan = Self.plan(original: [1, 2, 3])
        var files = ArchiveStoreTests.files(plan)
        // A record whose rendition has another name (as an older naming scheme would give).
        files[2].path = plan.identity.folder + "/old-name.png"
        _ = try archive.store(plan, files: files)
        try FileManager.default.removeItem(atPath: root + "/" + plan.derivedPath(frame: 1))
        guard case .archived = try archive.store(plan, files: ArchiveStoreTests.files(plan)) else {
            Issue.record("expected the incomplete record to be replaced")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/" + plan.identity.folder + "/old-name.png"))
        #expect(try archive.verify().isClean)
    }
}
