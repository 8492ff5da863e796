import Foundation
import LucidTestSupport
import Testing

/// `lucid process` summaries a technologist and a script can trust: skipped files by reason, failed
/// files by code, a warning when nothing was found, nothing created for inputs that do not exist,
/// one line for a PACS that is down, and one winner among files sharing a SOP Instance UID.
@Suite struct ProcessSummaryTests {
    @Test("skipped files by reason and failed files by code: text, JSON summary line and run manifest")
    func byReason() throws {
        let fixture = try ProcessFixture.standard()
        try fixture.write(Array("more text\n".utf8), to: "readme.md")
        let text = try LucidBinary.run(["process", fixture.input, "--out", fixture.output])
        #expect(text.status == 1)
        #expect(text.standardError.contains("5 ok, 1 failed, 2 skipped (2 not DICOM), "), "\(text.standardError)")
        #expect(text.standardError.contains("lucid: failed by code: 1 dicom.truncatedPixelData"))
        let json = try LucidBinary.run(["process", fixture.input, "--archive", fixture.folder + "/archive", "--json"])
        let lines = ProcessFixture.jsonLines(json.standardOutput)
        let summary = try #require(lines.last?["summary"] as? [String: Any])
        #expect(summary["skippedBy"] as? [String: Int] == ["notDICOM": 2, "pngWithoutOut": 1], "\(summary)")
        // mr2/image.dcm holds the SOP Instance UID of mr1/image.dcm with other bytes: a conflict.
        #expect(summary["failedBy"] as? [String: Int] == ["dicom.truncatedPixelData": 1, "archive.conflict": 1])
        let notes = lines.first { ($0["path"] as? String)?.hasSuffix("notes.txt") == true }
        #expect(notes?["skipReason"] as? String == "notDICOM")
        let again = try LucidBinary.run(["process", fixture.input, "--archive", fixture.folder + "/archive"])
        #expect(
            again.standardError.contains(
                "0 ok, 2 failed, 6 skipped (3 already archived, 2 not DICOM, 1 16-bit PNG without --out)"),
            "\(again.standardError)")
        #expect(again.standardError.contains("lucid: failed by code: 1 archive.conflict, 1 dicom.truncatedPixelData"))
        let runs = fixture.folder + "/archive/runs/"
        let summaries = try ProcessFixture.manifests(in: runs).map { name -> [String: Any] in
            let data = try #require(FileManager.default.contents(atPath: runs + name))
            let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return try #require(manifest["summary"] as? [String: Any])
        }
        #expect(summaries.count == 2)
        let recorded = try #require(summaries.first { $0["ok"] as? Int == 0 })
        #expect(recorded["skippedBy"] as? [String: Int] == ["alreadyArchived": 3, "notDICOM": 2, "pngWithoutOut": 1])
        #expect(recorded["failedBy"] as? [String: Int] == ["dicom.truncatedPixelData": 1, "archive.conflict": 1])
    }

    @Test("an empty folder and a folder without DICOM: exit 0 with a warning saying which; --quiet keeps quiet")
    func nothingFound() throws {
        let fixture = try ProcessFixture()
        try FileManager.default.createDirectory(atPath: fixture.input + "/empty", withIntermediateDirectories: true)
        let empty = try LucidBinary.run(["process", fixture.input + "/empty", "--out", fixture.output])
        #expect(empty.status == 0)
        #expect(empty.standardError.contains("lucid: warning: no input found"), "\(empty.standardError)")
        try fixture.write(Array("text\n".utf8), to: "text/a.txt")
        try fixture.write(Array("text\n".utf8), to: "text/b.txt")
        let noDICOM = try LucidBinary.run(["process", fixture.input + "/text", "--out", fixture.output, "--json"])
        #expect(noDICOM.status == 0)
        #expect(
            noDICOM.standardError.contains("lucid: warning: no DICOM found among 2 file(s) (2 not DICOM)"),
            "\(noDICOM.standardError)")
        let quiet = try LucidBinary.run(["process", fixture.input + "/text", "--out", fixture.output, "--quiet"])
        #expect(quiet.status == 0 && quiet.standardError.isEmpty, "\(quiet.standardError)")
    }

    @Test("every INPUT missing: exit 1, no --out folder, no archive, no manifest; some missing: the batch goes on")
    func missingInputs() throws {
        let fixture = try ProcessFixture()
        let archive = fixture.folder + "/archive"
        let missing = try LucidBinary.run([
            "process", fixture.folder + "/nowhere", fixture.folder + "/gone.dcm", "--out", fixture.output,
            "--archive", archive, "--report", fixture.folder + "/reports/report.html", "--json",
        ])
        #expect(missing.status == 1)
        #expect(!FileManager.default.fileExists(atPath: fixture.output), "no --out folder for inputs that do not exist")
        #expect(!FileManager.default.fileExists(atPath: fixture.folder + "/reports"), "no report folder either")
        #expect(!FileManager.default.fileExists(atPath: archive), "no archive, index.sqlite or run manifest")
        let lines = ProcessFixture.jsonLines(missing.standardOutput)
        #expect(lines.filter { $0["errorCode"] as? String == "input.unusable" }.count == 2)
        #expect(missing.standardError.contains("nothing was created"), "\(missing.standardError)")

        try fixture.copy("mr_small_evrle.dcm", to: "mr.dcm")
        let some = try LucidBinary.run([
            "process", fixture.input + "/mr.dcm", fixture.folder + "/gone.dcm", "--out", fixture.output,
            "--archive", archive,
        ])
        #expect(some.status == 1)
        #expect(some.standardError.contains("1 ok, 1 failed"), "\(some.standardError)")
        #expect(!some.standardError.contains("nothing was created"))
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/mr.dcm.png"))
        #expect(ProcessFixture.manifests(in: fixture.output).count == 1)
    }

    @Test("a PACS that is down: one failure line for every file, the per-file detail in the JSON lines")
    func pacsDown() throws {
        let fixture = try ProcessFixture()
        for index in 0..<3 { try fixture.copy("mr_small_evrle.dcm", to: "mr\(index).dcm") }
        let pacs = "dicomweb+http://127.0.0.1:1/dicom-web"
        let text = try LucidBinary.run(["process", fixture.input, "--archive", pacs])
        #expect(text.status == 1)
        let failures = text.standardError.split(separator: "\n").filter { $0.hasPrefix("  failed: ") }
        #expect(
            failures == ["  failed: 3 file(s): PACS upload: not pushed: \(pacs) unreachable"], "\(text.standardError)")
        let json = try LucidBinary.run(["process", fixture.input, "--archive", pacs, "--json"])
        let lines = ProcessFixture.jsonLines(json.standardOutput).filter { $0["path"] != nil }
        #expect(lines.count == 3 && lines.allSatisfy { ($0["error"] as? String)?.contains("mr") == true })
    }

    @Test("files sharing a SOP Instance UID, --jobs 3, eight runs: the first in walk order is archived every time")
    func duplicateWinner() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("ct_nema_ct1_jpegls_lossless_fragmented.dcm", to: "a.dcm")
        try fixture.copy("ct_nema_ct1_evrle.dcm", to: "b.dcm")
        try fixture.copy("ct_nema_ct1_evrbe.dcm", to: "c.dcm")
        for run in 0..<8 {
            let archive = fixture.folder + "/archive\(run)"
            let result = try LucidBinary.run(["process", fixture.input, "--archive", archive, "--json", "--jobs", "3"])
            #expect(result.status == 1)
            let byName = Dictionary(
                ProcessFixture.jsonLines(result.standardOutput).compactMap { line -> (String, [String: Any])? in
                    (line["path"] as? String).map { (($0 as NSString).lastPathComponent, line) }
                }, uniquingKeysWith: { first, _ in first })
            #expect(byName["a.dcm"]?["status"] as? String == "ok", "run \(run): \(byName["a.dcm"] ?? [:])")
            for name in ["b.dcm", "c.dcm"] {
                #expect(byName[name]?["errorCode"] as? String == "archive.conflict", "run \(run): \(name)")
                let error = byName[name]?["error"] as? String ?? ""
                #expect(error.contains("filed from \(fixture.input)/a.dcm"), "run \(run): \(error)")
            }
        }
    }

    @Test("--frame 2 over a folder: the cine loop gives its frame 2, the single-frame image is skipped by reason")
    func frameInBatch() throws {
        let fixture = try ProcessFixture()
        try fixture.write(DataSetBytes.nativeImage(rows: 4, columns: 4, frames: 3, value: 9), to: "cine.dcm")
        try fixture.write(DataSetBytes.nativeImage(rows: 4, columns: 4, frames: 1, value: 7), to: "single.dcm")
        let text = try LucidBinary.run(["process", fixture.input, "--out", fixture.output, "--frame", "2"])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(
            text.standardError.contains("1 ok, 0 failed, 1 skipped (1 fewer frames than --frame)"),
            "\(text.standardError)")
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/cine.dcm.2.png"))
        let json = try LucidBinary.run(["process", fixture.input, "--out", fixture.output, "--frame", "2", "--json"])
        let single = try #require(
            ProcessFixture.jsonLines(json.standardOutput).first {
                ($0["path"] as? String)?.hasSuffix("single.dcm") == true
            })
        #expect(single["status"] as? String == "skipped" && single["skipReason"] as? String == "noSuchFrame")
        #expect((single["error"] as? String)?.hasSuffix("frame 2 does not exist; the file has 1 frame(s)") == true)
    }

    @Test("--json --quiet: every JSON line and the summary line still on standard output, nothing on standard error")
    func jsonQuiet() throws {
        let fixture = try ProcessFixture.standard()
        let result = try LucidBinary.run(["process", fixture.input, "--out", fixture.output, "--json", "--quiet"])
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        let files = lines.filter { $0["path"] != nil }
        let summary = try #require(lines.last?["summary"] as? [String: Any])
        #expect(files.count == summary["files"] as? Int && files.count >= 6, "\(result.outputText)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
    }
}
