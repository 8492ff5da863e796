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

    /// Takes one event: a JSON line for a finished file, a redraw of the progress line at most ten times a second.
    func report(_ event: BatchEvent) {
        output.meter.record(event)
        if output.json, !output.quiet, case .finished(let outcome) = event {
            ReportOutput.writeLine(outcome.jsonLine, to: .standardOutput)
        }
        output.redrawProgress()
    }

    /// Clears the progress line and prints the summary: a JSON line with `--json`, else (unless
    /// `--quiet`) counts, the PACS counts (`pacs`: the PACS and its counts), the run manifests written and
    /// every failed file with its reason on standard error, each line escaped (`TerminalText`).
    func finish(_ summary: BatchSummary, manifests: [String] = [], pacs: String? = nil) {
        output.clearProgress()
        if output.json {
            if !output.quiet { ReportOutput.writeLine(summary.jsonLine, to: .standardOutput) }
            return
        }
        var lines: [String] = []
        if !output.quiet || !summary.failures.isEmpty {
            let head = summary.interrupted ? "lucid: interrupted after" : "lucid: processed"
            lines.append(
                "\(head) \(summary.files) file(s): \(summary.ok) ok, \(summary.failed) failed, "
                    + "\(summary.skipped) skipped, " + String(format: "%.1f", summary.seconds) + " s")
        }
        if !output.quiet, let pacs { lines.append("lucid: PACS \(pacs) (instances)") }
        if !output.quiet { lines += manifests.map { "lucid: run manifest \($0)" } }
        for failure in summary.failures {
            let named = failure.reason.hasPrefix(failure.path) ? failure.reason : "\(failure.path): \(failure.reason)"
            lines.append("  failed: " + named)
        }
        if !lines.isEmpty {
            ReportOutput.writeLine(lines.map(TerminalText.escaped).joined(separator: "\n"), to: .standardError)
        }
    }
}
