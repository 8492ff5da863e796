import Foundation
import LucidBatch
import Testing

/// The end-of-batch summary: skipped files counted by reason, failed files by error code, files
/// failing for one shared cause (a PACS that is down) as one line, and a warning when nothing was found.
@Suite struct BatchSummaryTests {
    func skipped(_ path: String, _ reason: SkipReason) -> FileOutcome {
        var outcome = FileOutcome(path: path, status: .ok)
        outcome.skip(reason)
        return outcome
    }

    func failed(_ failure: FileError) -> FileOutcome {
        var outcome = FileOutcome(path: failure.path, status: .ok)
        outcome.fail(failure)
        return outcome
    }

    func summary(_ outcomes: [FileOutcome]) -> BatchSummary {
        var summary = BatchSummary()
        for outcome in outcomes { summary.record(outcome) }
        return summary
    }

    @Test("skipped by reason and failed by code: in the text, the JSON line and the manifest's summary object")
    func byReason() throws {
        let summary = summary(
            (0..<3).map { FileOutcome(path: "ok\($0).dcm", status: .ok) }
                + (0..<38).map { skipped("p\($0).png", .notDICOM) }
                + (0..<6).map { skipped("d\($0).dcm", .alreadyArchived) }
                + [failed(.unusable(path: "gone.dcm", reason: "no such file or directory"))])
        #expect(summary.skippedBy == ["notDICOM": 38, "alreadyArchived": 6])
        #expect(summary.failedBy == ["input.unusable": 1])
        #expect(summary.countsText == "3 ok, 1 failed, 44 skipped (38 not DICOM, 6 already archived)")
        #expect(summary.failedByText == "1 input.unusable")
        let line = try #require(
            try JSONSerialization.jsonObject(with: Data(summary.jsonLine.utf8)) as? [String: [String: Any]])
        #expect(line["summary"]?["skippedBy"] as? [String: Int] == ["notDICOM": 38, "alreadyArchived": 6])
        #expect(line["summary"]?["failedBy"] as? [String: Int] == ["input.unusable": 1])
        #expect(BatchSummary().jsonLine.contains(#""failedBy":{}"#))
        #expect(BatchSummary().jsonLine.contains(#""skippedBy":{}"#))
        #expect(BatchSummary().countsText == "0 ok, 0 failed, 0 skipped")
    }

    @Test("a skipped file's JSON line names its reason; a done or failed file's is null")
    func fileLine() {
        #expect(skipped("a.txt", .notDICOM).jsonLine.contains(#""skipReason":"notDICOM""#))
        #expect(skipped("a.txt", .notDICOM).error == "not DICOM")
        #expect(FileOutcome(path: "a.dcm", status: .ok).jsonLine.contains(#""skipReason":null"#))
        var uploadFailed = skipped("a.dcm", .alreadyArchived)
        uploadFailed.fail(.pacs(path: "a.dcm", reasons: ["a.dcm: HTTP 503"], causes: ["HTTP 503"]))
        #expect(uploadFailed.skipReason == nil && uploadFailed.jsonLine.contains(#""skipReason":null"#))
    }

    @Test("files failing for one PACS cause are one line; a cause of one file alone and own failures stay per file")
    func sharedCause() {
        let down = "not pushed: dicomweb+http://127.0.0.1:1/dicom-web unreachable"
        let pacs = (0..<40).map { index in
            failed(
                .pacs(
                    path: "f\(index).dcm",
                    reasons: ["f\(index).dcm: \(down)", "f\(index).dcm (derived, frame 1): \(down)"],
                    causes: [down]))
        }
        let rejected = failed(.pacs(path: "r.dcm", reasons: ["r.dcm: HTTP 400"], causes: ["HTTP 400"]))
        let cut = failed(.unusable(path: "gone.dcm", reason: "no such file or directory"))
        let summary = summary([cut] + pacs + [rejected])
        #expect(
            summary.failureLines == [
                "gone.dcm: no such file or directory", "40 file(s): PACS upload: \(down)", "r.dcm: HTTP 400",
            ])
        #expect(summary.failedByText == "41 pacs.upload, 1 input.unusable")
        #expect(summary.failures.count == 42, "every file keeps its own reason")
    }

    @Test("no input found, no DICOM found, or nothing to say")
    func inputWarning() {
        #expect(summary([]).inputWarning == "no input found: the folders and lists given hold no file")
        let noDICOM = summary([skipped("a.txt", .notDICOM), skipped("b.png", .notDICOM), skipped("f", .notRegularFile)])
        #expect(
            noDICOM.inputWarning
                == "no DICOM found among 3 file(s) (2 not DICOM, 1 not a regular file); nothing was processed")
        #expect(noDICOM.exitStatus == 0, "finding nothing is not a failure")
        let missing = summary([failed(.unusable(path: "gone", reason: "no such file or directory"))])
        #expect(missing.inputWarning == "no input found: every input is missing or cannot be opened")
        #expect(summary([skipped("a.txt", .notDICOM), FileOutcome(path: "a.dcm", status: .ok)]).inputWarning == nil)
        #expect(summary([skipped("a.dcm", .alreadyArchived)]).inputWarning == nil, "an archived image was found")
        var interrupted = summary([])
        interrupted.interrupted = true
        #expect(interrupted.inputWarning == nil)
    }
}
