import Foundation
import LucidArchive
import LucidDICOM
import LucidTestSupport
import Testing

/// Originals with an odd SOP Instance UID and a PACS: a stated UID is pushed as the file states it;
/// an original without one is never sent, while its derived instance is.
@Suite struct PACSOddUIDTests {
    /// The test CT (with Study and Series Instance UIDs) whose SOP Instance UID, in the data set and
    /// the file meta, is overwritten with spaces: an empty UID.
    static func withoutUID() throws -> [UInt8] {
        let uid = DICOMUID.generate()
        var bytes = try ArchiveFixture.dicom(patientID: "PACS-TEST", sopInstanceUID: uid)
        let pattern = Array(uid.utf8)
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) {
                bytes.replaceSubrange(
                    index..<index + pattern.count, with: [UInt8](repeating: 0x20, count: pattern.count))
            }
            index += 1
        }
        return bytes
    }

    @Test("process and archive push: the stated UID reaches the PACS; an empty one fails by name, its derived goes")
    func oddUIDsAndPACS() throws {
        guard let orthanc = OrthancREST.fromEnvironment() else { return }
        let fixture = try PACSFixture(count: 1)
        try FileManager.default.removeItem(atPath: fixture.input + "/01.dcm")
        let leading = fixture.input + "/leading-zero.dcm", empty = fixture.input + "/empty.dcm"
        try FileManager.default.copyItem(
            atPath: SampleCorpus.path("cr_mono1_modality_lut_seq_jpegll.dcm"), toPath: leading)
        #expect(FileManager.default.createFile(atPath: empty, contents: Data(try Self.withoutUID())))
        let result = try fixture.run(
            ["process", fixture.input, "--archive", fixture.archive, "--archive", orthanc.target, "--json"],
            environment: orthanc.credentials)
        #expect(result.status == 1, "\(result.standardError)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        let kept = try #require(lines.first { $0["path"] as? String == leading })
        #expect(kept["status"] as? String == "ok", "\(kept)")
        let keptCounts = kept["pacs"] as? [String: Int] ?? [:]
        #expect((keptCounts["uploaded"] ?? 0) + (keptCounts["alreadyPresent"] ?? 0) == 2 && keptCounts["failed"] == 0)
        let original = try #require(try orthanc.instanceID(sopInstanceUID: "999.999.01.23.45.6789"))
        #expect(try orthanc.file(instanceID: original) == FileManager.default.contents(atPath: leading))

        let refused = try #require(lines.first { $0["path"] as? String == empty })
        #expect(refused["status"] as? String == "failed" && refused["errorCode"] as? String == "pacs.upload")
        let reason = "has no SOP Instance UID (0008,0018); a PACS cannot store it"
        #expect((refused["error"] as? String)?.contains(reason) == true, "\(refused)")
        #expect(refused["pacs"] as? [String: Int] == ["uploaded": 1, "alreadyPresent": 0, "failed": 1])
        #expect((refused["notes"] as? [String])?.first?.contains("is empty") == true)

        let archive = try Archive(root: fixture.archive, create: false)
        let files = try archive.pushableFiles(pacs: orthanc.target)
        let emptyOriginal = try #require(files.first { $0.role == .original && $0.statedSOPInstanceUID.isEmpty })
        #expect(emptyOriginal.sopInstanceUID.hasPrefix("2.25.") && emptyOriginal.confirmedAt == nil)
        for file in files where file.role == .derived {
            #expect(try orthanc.instanceID(sopInstanceUID: file.sopInstanceUID) != nil, "\(file.path)")
        }
        #expect(try orthanc.instanceID(sopInstanceUID: emptyOriginal.sopInstanceUID) == nil)

        let push = try fixture.run(
            ["archive", "push", fixture.archive, "--to", orthanc.target, "--json"], environment: orthanc.credentials)
        #expect(push.status == 1, "\(push.standardError)")
        let pushed = ProcessFixture.jsonLines(push.standardOutput).filter { $0["path"] != nil }
        #expect(pushed.count == 4)
        let failed = pushed.filter { $0["status"] as? String == "failed" }
        #expect(failed.count == 1 && (failed.first?["error"] as? String)?.contains(reason) == true, "\(pushed)")
        #expect(pushed.filter { $0["status"] as? String == "present" }.count == 3, "\(pushed)")
    }

    @Test(
        "A real file without SOP, Study or Series Instance UID: its derived instance gets a study and reaches the PACS")
    func noIdentityAtAll() throws {
        guard let orthanc = OrthancREST.fromEnvironment() else { return }
        let fixture = try PACSFixture(count: 1)
        try FileManager.default.removeItem(atPath: fixture.input + "/01.dcm")
        try FileManager.default.copyItem(
            atPath: SampleCorpus.path("ot_jpeg_baseline_gray8.dcm"), toPath: fixture.input + "/bare.dcm")
        let result = try fixture.run(
            ["process", fixture.input, "--archive", fixture.archive, "--archive", orthanc.target, "--json"],
            environment: orthanc.credentials)
        let line = try #require(ProcessFixture.jsonLines(result.standardOutput).first { $0["path"] != nil })
        // The derived instance's UID is deterministic: a PACS that saw this file before already holds it.
        let counts = line["pacs"] as? [String: Int] ?? [:]
        #expect((counts["uploaded"] ?? 0) + (counts["alreadyPresent"] ?? 0) == 1 && counts["failed"] == 1, "\(line)")
        let archive = try Archive(root: fixture.archive, create: false)
        let derived = try #require(try archive.pushableFiles(pacs: orthanc.target).first { $0.role == .derived })
        #expect(try orthanc.instanceID(sopInstanceUID: derived.sopInstanceUID) != nil)
        let header = try DICOMFile.read(path: fixture.archive + "/" + derived.path).dataSet
        let study = try #require(header.string(.studyInstanceUID))
        #expect(DICOMUID.problem(study) == nil && study.hasPrefix("2.25."))
        #expect(study == DerivedUIDs.study(derivedSeriesUID: header.string(.seriesInstanceUID) ?? ""))
    }
}
