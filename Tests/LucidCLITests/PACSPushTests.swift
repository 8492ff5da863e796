import Foundation
import LucidArchive
import LucidDICOM
import LucidTestSupport
import Testing

/// `lucid archive push SRC --to dicomweb+http://…` against the Orthanc of `.ci/orthanc`.
@Suite struct PACSPushTests {
    @Test("push an archive: every instance in Orthanc, byte-identical, recorded; a second push sends nothing")
    func pushAndPushAgain() throws {
        guard let orthanc = OrthancREST.fromEnvironment() else { return }
        let fixture = try PACSFixture(count: 3)
        let made = try fixture.run(["process", fixture.input, "--archive", fixture.archive, "--quiet"])
        #expect(made.status == 0, "\(made.standardError)")
        let push = ["archive", "push", fixture.archive, "--to", orthanc.target, "--json", "--batch", "4"]
        let first = try fixture.run(push, environment: orthanc.credentials)
        #expect(first.status == 0, "\(first.standardError)")
        let summary = try #require(PACSFixture.summary(first))
        #expect(summary["instances"] as? Int == 6 && summary["uploaded"] as? Int == 6 && summary["failed"] as? Int == 0)
        let lines = ProcessFixture.jsonLines(first.standardOutput).dropLast()
        #expect(lines.map { $0["status"] as? String } == Array(repeating: "uploaded", count: 6))
        for file in try fixture.archivedDICOM() {
            let id = try #require(try orthanc.instanceID(sopInstanceUID: file.uid), "\(file.path) is not in Orthanc")
            #expect(try orthanc.file(instanceID: id) == file.bytes, "\(file.path) differs in Orthanc")
        }
        let recorded = try Archive(root: fixture.archive, create: false).pushableFiles(pacs: orthanc.target)
        #expect(recorded.count == 6 && recorded.allSatisfy { $0.confirmedAt != nil })

        let second = try fixture.run(push, environment: orthanc.credentials)
        #expect(second.status == 0, "\(second.standardError)")
        let again = try #require(PACSFixture.summary(second))
        #expect(again["uploaded"] as? Int == 0 && again["alreadyPresent"] as? Int == 6 && again["failed"] as? Int == 0)
        let quiet = try fixture.run(push + ["--quiet"], environment: orthanc.credentials)
        #expect(ProcessFixture.jsonLines(quiet.standardOutput).count == 7, "--json --quiet: 6 lines and the summary")
        let verify = try fixture.run(["verify", fixture.archive])
        #expect(verify.status == 0, "the push manifests are no unindexed files: \(verify.outputText)")
        let text = try fixture.run(Array(push.dropLast(3)), environment: orthanc.credentials)
        #expect(
            text.standardError.hasPrefix(
                "lucid: pushed 6 instance(s) to \(orthanc.target): 0 uploaded, 6 already present, 0 failed"))
        #expect(!text.standardError.contains(orthanc.password) && !first.outputText.contains(orthanc.password))
    }

    @Test("a non-DICOM file is rejected by the PACS with an error naming it; the rest of the batch is stored")
    func nonDICOMPart() throws {
        guard let orthanc = OrthancREST.fromEnvironment() else { return }
        let fixture = try PACSFixture(count: 1)
        let archive = try Archive(root: fixture.archive)
        let uid = DICOMUID.generate()
        let identity = InstanceIdentity(
            patientID: "PACS-TEST", studyInstanceUID: DICOMUID.generate(), studyDate: "20250101",
            seriesInstanceUID: DICOMUID.generate(), seriesNumber: "1", modality: "CT", sopInstanceUID: uid)
        let original = try ArchiveFixture.dicom(patientID: "PACS-TEST", sopInstanceUID: uid)
        let plan = ArchivePlan(
            identity: identity, recipe: "window:file", frames: [1], renditionSuffixes: [], sourcePath: "made.dcm",
            originalSHA256: SHA256.hex(original))
        let text = Array("this is not a DICOM file\n".utf8)
        _ = try archive.store(
            plan,
            files: [
                ArchiveFile(role: .original, path: plan.originalPath, bytes: original, sopInstanceUID: uid),
                ArchiveFile(
                    role: .derived, path: plan.derivedPath(frame: 1), bytes: text,
                    sopInstanceUID: plan.derivedSOPInstanceUID(frame: 1)),
            ])
        let result = try fixture.run(
            ["archive", "push", fixture.archive, "--to", orthanc.target, "--json"], environment: orthanc.credentials)
        #expect(result.status == 1)
        let byPath = Dictionary(
            ProcessFixture.jsonLines(result.standardOutput).compactMap { line in
                (line["path"] as? String).map { ($0, line) }
            }, uniquingKeysWith: { a, _ in a })
        #expect(byPath[plan.originalPath]?["status"] as? String == "uploaded")
        let rejected = try #require(byPath[plan.derivedPath(frame: 1)])
        #expect(rejected["status"] as? String == "failed")
        #expect(
            rejected["error"] as? String
                == fixture.archive + "/" + plan.derivedPath(frame: 1) + ": rejected by the PACS (HTTP 400): "
                + "not a readable DICOM Part 10 file; the server stored nothing for it")
        #expect(try orthanc.instanceID(sopInstanceUID: uid) != nil)
        let recorded = try archive.pushableFiles(pacs: orthanc.target)
        #expect(recorded.count == 2)
        #expect(recorded.first { $0.role == .derived }?.confirmedAt == nil, "the index shows it not pushed")
        #expect(recorded.first { $0.role == .original }?.confirmedAt != nil)
    }

    @Test("--to must be a dicomweb+ URL; an archive without an index is an error")
    func usage() throws {
        let fixture = try PACSFixture(count: 1)
        let notPACS = try fixture.run(["archive", "push", fixture.folder, "--to", "http://127.0.0.1:9/dicom-web"])
        #expect(notPACS.status == 2)
        #expect(notPACS.standardError.contains("a PACS is written dicomweb+http://HOST:PORT/PATH"))
        let noIndex = try fixture.run(["archive", "push", fixture.input, "--to", "dicomweb+http://127.0.0.1:9/x"])
        #expect(noIndex.status == 1)
        #expect(noIndex.standardError.contains("no archive index here"))
    }
}
