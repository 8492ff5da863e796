import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// Storing, skipping and verifying with hand-made files (no pixel processing).
@Suite struct ArchiveStoreTests {
    static let identity = InstanceIdentity(
        patientID: "../../etc", patientName: "TEST^HOSTILE", studyInstanceUID: "1.2.3", studyDate: "20240102",
        seriesInstanceUID: "1.2.3.4", seriesNumber: "5", modality: "CT", sopInstanceUID: "1.2.3.4.5")

    static func plan(recipe: String = "window:file", original: [UInt8] = [1, 2, 3]) -> ArchivePlan {
        ArchivePlan(
            identity: identity, recipe: recipe, frames: [1], renditionSuffixes: [".png"], sourcePath: "in.dcm",
            originalSHA256: SHA256.hex(original))
    }

    static func files(_ plan: ArchivePlan, original: [UInt8] = [1, 2, 3]) -> [ArchiveFile] {
        let derived = plan.derivedSOPInstanceUID(frame: 1)
        return [
            ArchiveFile(role: .original, path: plan.originalPath, bytes: original, sopInstanceUID: "1.2.3.4.5"),
            ArchiveFile(role: .derived, path: plan.derivedPath(frame: 1), bytes: [4, 5], sopInstanceUID: derived),
            ArchiveFile(
                role: .rendition, path: plan.renditionPath(frame: 1, suffix: ".png"), bytes: [6],
                sopInstanceUID: derived),
        ]
    }

    @Test("store, then skip; a hostile Patient ID stays inside; verify finds altered, missing and unindexed files")
    func lifecycle() throws {
        let root = try LucidBinary.temporaryFolder() + "/archive"
        let archive = try Archive(root: root)
        let plan = Self.plan()
        #expect(plan.originalPath.hasPrefix("_._etc_"))
        #expect(try !archive.isArchived(plan))
        let result = try archive.store(plan, files: Self.files(plan))
        guard case .archived(let paths, let digests) = result else {
            Issue.record("expected archived, got \(result)")
            return
        }
        #expect(paths.count == 3)
        #expect(digests == [[1, 2, 3], [4, 5], [6]].map(SHA256.hex))
        for path in paths { #expect(URL(fileURLWithPath: path).standardized.path.hasPrefix(root + "/_._etc_")) }
        #expect(try archive.isArchived(plan))
        #expect(try !archive.isArchived(Self.plan(original: [9])))
        #expect(try archive.store(plan, files: Self.files(plan)) == .alreadyArchived)
        try FileManager.default.createDirectory(atPath: root + "/runs", withIntermediateDirectories: true)
        #expect(
            FileManager.default.createFile(atPath: root + "/runs/lucid-run-20250102T030405Z-42.json", contents: nil))
        #expect(try archive.verify().isClean, "a run manifest is not an unindexed file")
        #expect(
            try archive.recordedFiles().map(\.sha256).sorted() == [[1, 2, 3], [4, 5], [6]].map(SHA256.hex).sorted())

        // A second recipe: a new derived series, the original shared, not duplicated.
        let other = Self.plan(recipe: "window:lung")
        #expect(other.derivedSeriesInstanceUID != plan.derivedSeriesInstanceUID)
        _ = try archive.store(other, files: Self.files(other))
        #expect(try archive.recordedFiles().count == 5)
        #expect(try archive.listing().patients.first?.studies.first?.series.first?.instances.count == 2)

        let rendition = root + "/" + plan.renditionPath(frame: 1, suffix: ".png")
        #expect(FileManager.default.createFile(atPath: rendition, contents: Data([7])))
        try FileManager.default.removeItem(atPath: root + "/" + other.derivedPath(frame: 1))
        #expect(FileManager.default.createFile(atPath: root + "/stray.txt", contents: Data([0])))
        #expect(FileManager.default.createFile(atPath: root + "/runs/notes.json", contents: Data([0])))
        let report = try archive.verify()
        #expect(report.altered.map(\.path) == [plan.renditionPath(frame: 1, suffix: ".png")])
        #expect(report.missing == [other.derivedPath(frame: 1)])
        #expect(report.unindexed == ["runs/notes.json", "stray.txt"])
        #expect(try !archive.isArchived(plan))

        // Storing again repairs the damaged instance.
        guard case .archived = try archive.store(plan, files: Self.files(plan)) else {
            Issue.record("expected the damaged instance to be stored again")
            return
        }
        #expect(try archive.verify().altered.isEmpty)
    }

    @Test("verify and ls refuse a folder without an index, naming it")
    func noIndex() throws {
        let root = try LucidBinary.temporaryFolder()
        #expect {
            try Archive(root: root, create: false)
        } throws: { error in
            "\(error)".contains(root + "/index.sqlite")
        }
        #expect {
            try ArchiveReader(root: root, exclusive: true)
        } throws: { error in
            "\(error)".contains(root + "/index.sqlite")
        }
    }
}
