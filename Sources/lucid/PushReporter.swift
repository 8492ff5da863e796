import Foundation
import LucidBatch
import LucidFiles
import LucidPACS

/// Prints what `lucid archive push` does: JSON lines on standard output (`--json`), the progress
/// line on standard error when it is a terminal, and the final summary.
/// Called from one task only (`ArchivePush.run` reports from its own task).
final class PushReporter {
    private var output: ReportOutput

    init(json: Bool, quiet: Bool, showProgress: Bool) {
        output = ReportOutput(
            json: json, quiet: quiet, showProgress: showProgress,
            meter: ProgressMeter(start: ReportOutput.now, unit: "instances", skippedLabel: "already present"))
    }

    /// Takes one event: a JSON line for a finished instance, a redraw of the progress line at most
    /// ten times a second.
    func report(_ event: ArchivePushEvent) {
        switch event {
        case .found(let total):
            output.meter.record(.walkFinished(total: total))
        case .finished(let instance):
            let status: FileOutcome.Status
            switch instance.status {
            case .uploaded: status = .ok
            case .alreadyPresent: status = .skipped
            case .failed: status = .failed
            }
            output.meter.record(.finished(FileOutcome(path: instance.path, status: status)))
            if output.json { ReportOutput.writeLine(instance.jsonLine, to: .standardOutput) }
        }
        output.redrawProgress()
    }

    /// Clears the progress line and prints the summary: a JSON line with `--json`, else (unless
    /// `--quiet`) the counts, the manifest and every failed instance with its reason, on standard error.
    /// Why the PACS stopped the push, if it did, is said once, last, also with `--json`.
    func finish(_ summary: ArchivePushSummary, target: PACSTarget, manifest: String?) {
        output.clearProgress()
        let haltLine = summary.halt.map { TerminalText.escaped("lucid: \($0.message)") + "\n" } ?? ""
        if output.json {
            ReportOutput.writeLine(summary.jsonLine, to: .standardOutput)
            ReportOutput.write(haltLine, to: .standardError)
            return
        }
        var lines: [String] = []
        if !output.quiet || !summary.failures.isEmpty {
            let head = summary.interrupted ? "lucid: interrupted after" : "lucid: pushed"
            lines.append(
                "\(head) \(summary.instances) instance(s) to \(target): \(summary.counts.text), "
                    + String(format: "%.1f", summary.seconds) + " s")
        }
        if !output.quiet, let manifest { lines.append("lucid: run manifest \(manifest)") }
        for failure in summary.failures { lines.append("  failed: " + failure.reason) }
        if !lines.isEmpty {
            ReportOutput.write(lines.map(TerminalText.escaped).joined(separator: "\n") + "\n", to: .standardError)
        }
        ReportOutput.write(haltLine, to: .standardError)
    }
}
