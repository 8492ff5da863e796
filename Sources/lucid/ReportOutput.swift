import Foundation
import LucidBatch

/// What the reporters of `lucid process` and `lucid archive push` share: the output choices, the
/// progress meter and its line on standard error (redrawn at most ten times a second, only on a
/// terminal), and unbuffered writes, so each line reaches a pipe as soon as it is complete.
struct ReportOutput {
    /// `--json`: JSON lines on standard output.
    let json: Bool
    /// `--quiet`: no per-item lines, no progress, and a summary only when something failed.
    let quiet: Bool
    /// Whether the progress line is drawn (standard error is a terminal and not `--quiet`).
    let showProgress: Bool
    var meter: ProgressMeter

    /// Seconds on the monotonic clock.
    static var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Redraws the progress line when it is shown and due.
    mutating func redrawProgress() {
        if showProgress, let line = meter.line(at: Self.now) {
            Self.write("\r\u{1B}[K" + line, to: .standardError)
        }
    }

    /// Clears the progress line when it is shown.
    func clearProgress() {
        if showProgress { Self.write("\r\u{1B}[K", to: .standardError) }
    }

    static func writeLine(_ text: String, to handle: FileHandle) {
        write(text + "\n", to: handle)
    }

    static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
