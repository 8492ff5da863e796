import LucidBatch
import LucidDose
import Testing

/// The summary of flagged files: counts by kind, `flag:` lines, `--fail-on` and the exit status.
@Suite struct FirstLookSummaryTests {
    static func outcome(_ path: String, _ kinds: [String]) -> FileOutcome {
        var outcome = FileOutcome(path: path, status: .ok)
        outcome.flags = kinds.map { Flag(kind: $0, severity: .warning, message: "\($0) here") }
        return outcome
    }

    static func summary(failOn: Set<String> = []) -> BatchSummary {
        var summary = BatchSummary()
        summary.record(outcome("a.dcm", ["saturated"]))
        summary.record(outcome("b.dcm", []))
        summary.record(outcome("c.dcm", ["saturated", "drl"]))
        summary.record(outcome("d.dcm", ["blank"]))
        summary.failOn = failOn
        return summary
    }

    @Test("files are counted once per kind; each flagged file gets one line, its flags joined")
    func counts() {
        let summary = Self.summary()
        #expect(summary.flaggedBy == ["saturated": 2, "drl": 1, "blank": 1])
        #expect(summary.flaggedByText == "2 saturated, 1 blank, 1 drl")
        #expect(
            summary.flagLines == [
                "a.dcm: saturated: saturated here", "c.dcm: saturated: saturated here; drl: drl here",
                "d.dcm: blank: blank here",
            ])
        #expect(summary.ok == 4 && summary.exitStatus == 0 && summary.failedOn == [:] && summary.failedOnText == nil)
        #expect(summary.jsonLine.contains(#""failedOn":{},"files":4,"flaggedBy":{"blank":1,"drl":1,"saturated":2}"#))
        #expect(BatchSummary().flaggedByText == nil && BatchSummary().flagLines.isEmpty)
    }

    @Test("--fail-on: a kind found fails the run (exit 1) and is named; a kind not found does not")
    func failOn() {
        let failing = Self.summary(failOn: ["saturated", "dose-check"])
        #expect(failing.exitStatus == 1 && failing.failed == 0)
        #expect(failing.failedOn == ["saturated": 2])
        #expect(failing.failedOnText == "2 saturated (--fail-on dose-check,saturated)")
        #expect(failing.jsonLine.contains(#""failedOn":{"saturated":2}"#))
        #expect(Self.summary(failOn: ["dose-check"]).exitStatus == 0)
        var interrupted = failing
        interrupted.interrupted = true
        #expect(interrupted.exitStatus == 130)
    }

    @Test("the known kinds: the pixel kinds, then the dose kinds")
    func kinds() {
        #expect(FirstLook.kinds == ["saturated", "blank", "deviation-index", "drl", "dose-check"])
    }
}
