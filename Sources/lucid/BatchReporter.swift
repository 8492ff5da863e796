import Foundation
import LucidBatch
import LucidFiles

/// Prints what `lucid process` does: JSON lines on standard output (`--json`), the progress line on
/// standard error when it is a terminal, and the final summary.
final class BatchReporter: @unchecked Sendable {
    private let json: Bool
    private let quiet: Bool
    private let showProgress: Bool
    private let lock = NSLock()
    private var meter: ProgressMeter

    init(json: Bool, quiet: Bool, showProgress: Bool) {
        self.json = json
        self.quiet = quiet
        self.showProgress = showProgress
        self.meter = ProgressMeter(start: Self.now)
    }

    static var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Takes one event: a JSON line for a finished file, a redraw of the progress line at most ten times a second.
    func report(_ event: BatchEvent) {
        lock.lock()
        defer { lock.unlock() }
        meter.record(event)
        if json, !quiet, case .finished(let outcome) = event {
            Self.writeLine(outcome.jsonLine, to: .standardOutput)
        }
        if showProgress, let line = meter.line(at: Self.now) {
            Self.write("\r\u{1B}[K" + line, to: .standardError)
        }
    }

    /// Clears the progress line and prints the summary: a JSON line with `--json`, else (unless
    /// `--quiet`) counts, the PACS counts (`pacs`: the PACS and its counts), the run manifests written and
    /// every failed file with its reason on standard error, each line escaped (`TerminalText`).
    func finish(_ summary: BatchSummary, manifests: [String] = [], pacs: String? = nil) {
        lock.lock()
        defer { lock.unlock() }
        if showProgress {
            Self.write("\r\u{1B}[K", to: .standardError)
        }
        if json {
            if !quiet { Self.writeLine(summary.jsonLine, to: .standardOutput) }
            return
        }
        var lines: [String] = []
        if !quiet || !summary.failures.isEmpty {
            let head = summary.interrupted ? "lucid: interrupted after" : "lucid: processed"
            lines.append(
                "\(head) \(summary.files) file(s): \(summary.ok) ok, \(summary.failed) failed, "
                    + "\(summary.skipped) skipped, " + String(format: "%.1f", summary.seconds) + " s")
        }
        if !quiet, let pacs { lines.append("lucid: PACS \(pacs) (instances)") }
        if !quiet { lines += manifests.map { "lucid: run manifest \($0)" } }
        for failure in summary.failures {
            let named = failure.reason.hasPrefix(failure.path) ? failure.reason : "\(failure.path): \(failure.reason)"
            lines.append("  failed: " + named)
        }
        if !lines.isEmpty {
            Self.writeLine(lines.map(TerminalText.escaped).joined(separator: "\n"), to: .standardError)
        }
    }

    private static func writeLine(_ text: String, to handle: FileHandle) {
        write(text + "\n", to: handle)
    }

    /// Unbuffered, so each line reaches a pipe as soon as it is complete.
    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
