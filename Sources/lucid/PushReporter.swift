import Foundation
import LucidBatch
import LucidFiles
import LucidPACS

/// Prints what `lucid archive push` does: JSON lines on standard output (`--json`), the progress
/// line on standard error when it is a terminal, and the final summary.
final class PushReporter: @unchecked Sendable {
    private let json: Bool
    private let quiet: Bool
    private let showProgress: Bool
    private let lock = NSLock()
    private var meter: ProgressMeter

    init(json: Bool, quiet: Bool, showProgress: Bool) {
        self.json = json
        self.quiet = quiet
        self.showProgress = showProgress
        self.meter = ProgressMeter(start: BatchReporter.now, unit: "instances", skippedLabel: "already present")
    }

    /// Takes one event: a JSON line for a finished instance, a redraw of the progress line at most
    /// ten times a second.
    func report(_ event: ArchivePushEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .found(let total):
            meter.record(.walkFinished(total: total))
        case .finished(let instance):
            let status: FileOutcome.Status
            switch instance.status {
            case .uploaded: status = .ok
            case .alreadyPresent: status = .skipped
            case .failed: status = .failed
            }
            meter.record(.finished(FileOutcome(path: instance.path, status: status)))
            if json, !quiet { Self.write(instance.jsonLine + "\n", to: .standardOutput) }
        }
        if showProgress, let line = meter.line(at: BatchReporter.now) {
            Self.write("\r\u{1B}[K" + line, to: .standardError)
        }
    }

    /// Clears the progress line and prints the summary: a JSON line with `--json`, else (unless
    /// `--quiet`) the counts, the manifest and every failed instance with its reason, on standard error.
    /// Why the PACS stopped the push, if it did, is said once, last, also with `--json`.
    func finish(_ summary: ArchivePushSummary, target: PACSTarget, manifest: String?) {
        lock.lock()
        defer { lock.unlock() }
        if showProgress { Self.write("\r\u{1B}[K", to: .standardError) }
        let haltLine = summary.halt.map { TerminalText.escaped("lucid: \($0.message)") + "\n" } ?? ""
        if json {
            if !quiet { Self.write(summary.jsonLine + "\n", to: .standardOutput) }
            Self.write(haltLine, to: .standardError)
            return
        }
        var lines: [String] = []
        if !quiet || !summary.failures.isEmpty {
            let head = summary.interrupted ? "lucid: interrupted after" : "lucid: pushed"
            lines.append(
                "\(head) \(summary.instances) instance(s) to \(target): \(summary.counts.text), "
                    + String(format: "%.1f", summary.seconds) + " s")
        }
        if !quiet, let manifest { lines.append("lucid: run manifest \(manifest)") }
        for failure in summary.failures { lines.append("  failed: " + failure.reason) }
        if !lines.isEmpty {
            Self.write(lines.map(TerminalText.escaped).joined(separator: "\n") + "\n", to: .standardError)
        }
        Self.write(haltLine, to: .standardError)
    }

    /// Unbuffered, so each line reaches a pipe as soon as it is complete.
    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
