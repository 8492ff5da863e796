import Foundation
import LucidArchive
import LucidDICOM
import LucidTestSupport
import Testing

/// `lucid process --archive` never loses an image: a file claiming an archived SOP Instance UID with
/// other bytes is kept apart and reported, folder names never merge two values, and nothing is
/// written through a symbolic link planted in the archive.
@Suite struct ArchiveIntegrityTests {
    static let uid = "1.2.826.0.1.3680043.2.1125.10.1"

    static func line(_ lines: [[String: Any]], _ suffix: String) -> [String: Any]? {
        lines.first { ($0["path"] as? String)?.hasSuffix(suffix) == true }
    }

    @Test("an incomplete entry: another file with its UID is a conflict, the archived original keeps its bytes")
    func originalNeverOverwritten() throws {
        let fixture = try ArchiveFixture(bad: false)
        let x = try ArchiveFixture.dicom(patientID: "PAT-1", sopInstanceUID: Self.uid, patientName: "FIRST")
        let z = try ArchiveFixture.dicom(patientID: "PAT-1", sopInstanceUID: Self.uid, patientName: "SECOND")
        try fixture.base.write(x, to: "one/x.dcm")
        try fixture.base.write(z, to: "two/z.dcm")
        let one = fixture.input + "/one", two = fixture.input + "/two"
        var renditions: [Set<String>] = []
        for steps in ["window:file", "window:lung"] {
            let run = try LucidBinary.run(["process", one, "--archive", fixture.archive, "--steps", steps])
            #expect(run.status == 0, "\(run.standardError)")
            renditions.append(Set(ProcessFixture.files(under: fixture.archive).filter { $0.hasSuffix(".png") }))
        }
        let lung = try #require(renditions[1].subtracting(renditions[0]).first)
        let archived = try #require(
            ProcessFixture.files(under: fixture.archive).first { $0.hasSuffix(Self.uid + ".dcm") })
        try FileManager.default.removeItem(atPath: fixture.archive + "/" + lung)

        let run = try LucidBinary.run([
            "process", two, "--archive", fixture.archive, "--steps", "window:lung", "--json",
        ])
        #expect(run.status == 1)
        let outcome = try #require(Self.line(ProcessFixture.jsonLines(run.standardOutput), "z.dcm"))
        #expect(outcome["status"] as? String == "failed")
        let error = try #require(outcome["error"] as? String)
        #expect(error.contains("conflict: SOP Instance UID \(Self.uid) is archived from another file"), "\(error)")
        #expect(FileManager.default.contents(atPath: fixture.archive + "/" + archived) == Data(x))
        let kept = try #require((outcome["outputs"] as? [String])?.first)
        #expect(kept.hasSuffix(".conflict-" + SHA256.hex(z).prefix(16) + ".dcm"))
        #expect(FileManager.default.contents(atPath: kept) == Data(z))

        let verify = try LucidBinary.run(["verify", fixture.archive, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: verify.standardOutput) as? [String: Any])
        #expect((report["altered"] as? [Any])?.isEmpty == true, "\(report)")
        #expect((report["unindexed"] as? [String])?.isEmpty == true, "\(report)")
        #expect(report["missing"] as? [String] == [lung])
    }

    @Test("the same SOP Instance UID in another patient: the first stays indexed, the second is kept and reported")
    func sameUIDOtherPatient() throws {
        let fixture = try ArchiveFixture(bad: false)
        let sub = fixture.input + "/dup"
        try fixture.base.write(try ArchiveFixture.dicom(patientID: "PAT-A", sopInstanceUID: Self.uid), to: "dup/a.dcm")
        try fixture.base.write(try ArchiveFixture.dicom(patientID: "PAT-B", sopInstanceUID: Self.uid), to: "dup/b.dcm")
        for attempt in 1...2 {
            let run = try LucidBinary.run(["process", sub, "--archive", fixture.archive, "--json", "--jobs", "1"])
            #expect(run.status == 1)
            let lines = ProcessFixture.jsonLines(run.standardOutput)
            #expect(Self.line(lines, "a.dcm")?["status"] as? String == (attempt == 1 ? "ok" : "skipped"))
            let second = Self.line(lines, "b.dcm")
            #expect(second?["status"] as? String == "failed")
            let error = second?["error"] as? String ?? ""
            #expect(error.contains(attempt == 1 ? "was kept as" : "was already kept as"), "\(error)")
            #expect(error.contains("/PAT-B/"), "kept in its own patient's folder: \(error)")
            let verify = try LucidBinary.run(["verify", fixture.archive])
            #expect(verify.status == 0, "\(verify.outputText) \(verify.standardError)")
        }
        let derived = ProcessFixture.files(under: fixture.archive).filter { $0.hasSuffix(".derived.dcm") }
        #expect(derived.count == 1, "only the archived image is processed: \(derived)")
        let listed = try LucidBinary.run(["archive", "ls", fixture.archive, "--patient", "PAT-B", "--json"])
        let patients = try #require(try JSONSerialization.jsonObject(with: listed.standardOutput) as? [[String: Any]])
        let series = (patients.first?["studies"] as? [[String: Any]])?.first?["series"] as? [[String: Any]]
        #expect((series?.first?["instances"] as? [Any])?.isEmpty == true)
        let conflicts = series?.first?["conflicts"] as? [[String: Any]]
        #expect(conflicts?.map { $0["sopInstanceUID"] as? String } == [Self.uid])
        #expect((conflicts?.first?["sourcePath"] as? String)?.hasSuffix("dup/b.dcm") == true)
        let text = try LucidBinary.run(["archive", "ls", fixture.archive, "--patient", "PAT-B"])
        #expect(text.outputText.contains("conflict \(Self.uid)  kept as PAT-B/"), "\(text.outputText)")
    }

    @Test("Patient IDs whose 32-bit folder suffixes collide get two folders, two rows, and ls finds each")
    func folderNamesDoNotMerge() throws {
        let fixture = try ArchiveFixture(bad: false)
        let ids = ["PAT!###$!*%", "PAT!#$*#%*#"]
        for (index, id) in ids.enumerated() {
            try fixture.base.write(
                try ArchiveFixture.dicom(patientID: id, sopInstanceUID: Self.uid + ".\(index)"), to: "ids/\(index).dcm")
        }
        let run = try LucidBinary.run(["process", fixture.input + "/ids", "--archive", fixture.archive])
        #expect(run.status == 0, "\(run.standardError)")
        let folders = Set(
            ProcessFixture.files(under: fixture.archive).compactMap { path -> String? in
                path.hasSuffix(".dcm") ? String(path.split(separator: "/")[0]) : nil
            })
        #expect(folders.count == 2, "\(folders)")
        for id in ids {
            let listed = try LucidBinary.run(["archive", "ls", fixture.archive, "--patient", id, "--json"])
            let patients = try #require(
                try JSONSerialization.jsonObject(with: listed.standardOutput) as? [[String: Any]])
            #expect(patients.map { $0["patientID"] as? String } == [id])
        }
    }

    @Test("a patient folder replaced by a link to a folder outside: refused, naming it; nothing written outside")
    func plantedLinkRefused() throws {
        let fixture = try ArchiveFixture(bad: false)
        try fixture.base.write(try ArchiveFixture.dicom(patientID: "LINKED", sopInstanceUID: Self.uid), to: "l/1.dcm")
        let first = try LucidBinary.run(["process", fixture.input + "/l", "--archive", fixture.archive])
        #expect(first.status == 0, "\(first.standardError)")
        let outside = fixture.base.folder + "/outside"
        try FileManager.default.moveItem(atPath: fixture.archive + "/LINKED", toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: fixture.archive + "/LINKED", withDestinationPath: outside)
        let before = ProcessFixture.files(under: outside)
        try fixture.base.write(
            try ArchiveFixture.dicom(patientID: "LINKED", sopInstanceUID: Self.uid + ".2"), to: "l/2.dcm")
        let run = try LucidBinary.run(["process", fixture.input + "/l", "--archive", fixture.archive, "--json"])
        #expect(run.status == 1)
        let error = Self.line(ProcessFixture.jsonLines(run.standardOutput), "2.dcm")?["error"] as? String ?? ""
        #expect(error.contains(fixture.archive + "/LINKED: a symbolic link"), "\(error)")
        #expect(ProcessFixture.files(under: outside) == before)
    }
}
