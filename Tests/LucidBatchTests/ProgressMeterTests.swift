import LucidBatch
import Testing

/// The progress line: counts, rate, ETA once the total is known, at most ten redraws a second.
@Suite struct ProgressMeterTests {
    @Test("Counts, rate and ETA")
    func text() {
        var meter = ProgressMeter(start: 100)
        meter.record(.discovered(4))
        meter.record(.finished(FileOutcome(path: "a", status: .ok)))
        meter.record(.finished(FileOutcome(path: "b", status: .failed, error: "bad")))
        #expect(meter.text(at: 102) == "2/4+ files, 1 failed, 1.0 files/s")
        meter.record(.walkFinished(total: 6))
        #expect(meter.text(at: 102) == "2/6 files, 1 failed, 1.0 files/s, ETA 4s")
    }

    @Test("Redraws are throttled to the interval")
    func throttle() {
        var meter = ProgressMeter(start: 0)
        #expect(meter.line(at: 1.0) != nil)
        #expect(meter.line(at: 1.05) == nil)
        #expect(meter.line(at: 1.05, force: true) != nil)
        #expect(meter.line(at: 1.2) != nil)
    }

    @Test("Summary JSON and exit status: skipped is not a failure")
    func summary() {
        var summary = BatchSummary()
        summary.record(FileOutcome(path: "a", status: .ok))
        summary.record(FileOutcome(path: "t", status: .skipped, error: "not DICOM", skipReason: .notDICOM))
        #expect(summary.exitStatus == 0)
        #expect(
            summary.jsonLine
                == #"{"summary":{"failed":0,"failedBy":{},"failedOn":{},"files":2,"flaggedBy":{},"interrupted":false,"#
                + #""ok":1,"seconds":0,"#
                + #""skipped":1,"skippedBy":{"notDICOM":1}}}"#)
        summary.record(FileOutcome(path: "b", status: .failed, error: "b: bad"))
        #expect(summary.exitStatus == 1)
        summary.interrupted = true
        #expect(summary.exitStatus == 130)
    }
}
