import Foundation
import LucidBatch
import LucidFiles

/// Prints what `lucid process` does: JSON lines on standard output (`--json`), the progress line on
/// standard error when it is a terminal, and the final summary.
/// Called from one task only (`BatchRunner.run` reports from its own task).
final class BatchReporter {
    private var output: ReportOutput

    init(json: Bool, quiet: Bool, showProgress: Bool) {
        output = ReportOutput(
            json: json, quiet: quiet, showProgress: showProgress, meter: ProgressMeter(start: ReportOutput.now))
    }

    /// Takes one event: a JSON line for a finished file (with `--json`, `--quiet` or not), a redraw of
    /// the progress line at most ten times a second.
    func report(_ event: BatchEvent) {
        output.meter.record(event)
        if output.json, case .finished(let outcome) = event {
            ReportOutput.writeLine(outcome.jsonLine, to: .standardOutput)
        }
        output.redrawProgress()
    }

    /// Clears the progress line and prints the summary: a JSON line with `--json` (`--quiet` or not), else (unless
    /// `--quiet`) the counts with the skipped files by reason, the failed files by error code, the
    /// PACS counts (`pacs`: the PACS and its counts), the flagged files by kind (`lucid: flagged: 2
    /// saturated, 1 blank`), the run manifests written and (unless `--quiet`) every file's notes
    /// (`  note: PATH: NOTE`) and flags (`  flag: PATH: KIND: MESSAGE`); the flags that fail the run
    /// (`--fail-on`, also with `--quiet`); then every failed
    /// file with its reason on standard error (files failing for one shared cause, a PACS that is
    /// down, as one line), and (unless `--quiet`) a warning when no input was found. `nothingCreated`
    /// says that no INPUT existed, so no folder, archive or manifest was made. Each line is escaped
    /// (`TerminalText`).
    func finish(_ summary: BatchSummary, manifests: [String] = [], pacs: String? = nil, nothingCreated: Bool = false) {
        output.clearProgress()
        if output.json { ReportOutput.writeLine(summary.jsonLine, to: .standardOutput) }
        var lines: [String] = []
        if !output.json {
            if !output.quiet || !summary.failures.isEmpty {
                let head = summary.interrupted ? "lucid: interrupted after" : "lucid: processed"
                lines.append(
                    "\(head) \(summary.files) file(s): \(summary.countsText), "
                        + String(format: "%.1f", summary.seconds) + " s")
                if let failedBy = summary.failedByText { lines.append("lucid: failed by code: \(failedBy)") }
            }
            if !output.quiet, let flaggedBy = summary.flaggedByText { lines.append("lucid: flagged: \(flaggedBy)") }
            if let failedOn = summary.failedOnText { lines.append("lucid: exit status 1 for flags: \(failedOn)") }
            if !output.quiet, let pacs { lines.append("lucid: PACS \(pacs) (instances)") }
            if !output.quiet { lines += manifests.map { "lucid: run manifest \($0)" } }
            if !output.quiet { lines += summary.noteLines.map { "  note: " + $0 } }
            if !output.quiet { lines += summary.flagLines.map { "  flag: " + $0 } }
            lines += summary.failureLines.map { "  failed: " + $0 }
        }
        if nothingCreated {
            lines.append("lucid: no INPUT exists: nothing was created (no output folder, archive or run manifest)")
        } else if !output.quiet, let warning = summary.inputWarning {
            lines.append("lucid: warning: \(warning)")
        }
        if !lines.isEmpty {
            ReportOutput.writeLine(lines.map(TerminalText.escaped).joined(separator: "\n"), to: .standardError)
        }
    }
}
