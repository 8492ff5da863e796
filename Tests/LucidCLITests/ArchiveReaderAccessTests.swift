import Foundation
import LucidArchive
import LucidDICOM
import LucidTestSupport
import Testing

/// How `ArchiveReader` opens an index it may not write: immutable when the write-ahead log is empty,
/// through a private copy when the log holds commits that SQLite cannot read in place.
@Suite struct ArchiveReaderAccessTests {
    @Test("a read-only copy taken while a writer was open, its log full of commits: read through a private copy")
    func readOnlyWithLog() throws {
        let folder = try LucidBinary.temporaryFolder()
        let root = folder + "/archive", copy = folder + "/copy"
        let writer = try Archive(root: root)
        let identity = InstanceIdentity(
            patientID: "RO-1", patientName: "READ^ONLY", studyInstanceUID: "1.2.3", studyDate: "20240102",
            seriesInstanceUID: "1.2.3.4", seriesNumber: "5", modality: "CT", sopInstanceUID: "1.2.3.4.5")
        let plan = ArchivePlan(
            identity: identity, recipe: "window:file", frames: [1], renditionSuffixes: [], sourcePath: "in.dcm",
            originalSHA256: SHA256.hex([1, 2, 3]))
        let files = [
            ArchiveFile(role: .original, path: plan.originalPath, bytes: [1, 2, 3], sopInstanceUID: "1.2.3.4.5"),
            ArchiveFile(
                role: .derived, path: plan.derivedPath(frame: 1), bytes: [4, 5],
                sopInstanceUID: plan.derivedSOPInstanceUID(frame: 1)),
        ]
        _ = try writer.store(plan, files: files)
        try FileManager.default.copyItem(atPath: root, toPath: copy)
        withExtendedLifetime(writer) {}
        try FileManager.default.removeItem(atPath: copy + "/index.sqlite-shm")
        let log = try FileManager.default.attributesOfItem(atPath: copy + "/index.sqlite-wal")[.size] as? NSNumber
        #expect((log?.intValue ?? 0) > 0, "the copied log holds the commits")

        guard let readOnly = try ReadOnlyFolder.make(copy) else { return }
        defer { readOnly.restore() }
        try {
            let reader = try ArchiveReader(root: copy, exclusive: true)
            #expect(reader.access == .copy)
            let report = try reader.verify()
            #expect(report.isClean && report.checked == 2, "\(report)")
            #expect(try reader.listing().patients.map(\.patientID) == ["RO-1"])
        }()
        let verify = try LucidBinary.run(["verify", copy])
        #expect(verify.status == 0, "\(verify.outputText)\(verify.standardError)")
    }
}
