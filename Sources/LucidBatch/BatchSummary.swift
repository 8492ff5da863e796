import LucidDose
import LucidFiles
import LucidPACS

/// Counts for the end of a batch: files by status, skipped files by `SkipReason`, failed files by
/// `FileError.code`, flagged files by flag kind, and every failure.
public struct BatchSummary: Sendable, Equatable {
    /// One failed file: its path, its reason (naming it) and the cause it shares with other files
    /// (`FileError.sharedCause`), if any.
    public typealias Failure = (path: String, reason: String, sharedCause: String?)

    public var files = 0
    public var ok = 0
    public var failed = 0
    public var skipped = 0
    public var seconds = 0.0
    /// True when SIGINT stopped the batch before every input was processed.
    public var interrupted = false
    /// Skipped files by `SkipReason.rawValue`; a skipped outcome without a reason counts as `other`.
    public var skippedBy: [String: Int] = [:]
    /// Failed files by `FileError.code`; a failed outcome without a typed cause counts as `other`.
    public var failedBy: [String: Int] = [:]
    /// Every failed file with its reason, in the order they finished.
    public var failures: [Failure] = []
    /// Every note of a finished file (`FileOutcome.notes`), with its path, in the order they finished.
    public var notes: [(path: String, note: String)] = []
    /// Instances uploaded, already present and failed at the PACS; nil without one.
    public var pacs: PACSCounts?
    /// Files with at least one flag of a kind (`FileOutcome.flags`), by kind.
    public var flaggedBy: [String: Int] = [:]
    /// Every flagged file with its flags, in the order they finished.
    public var flagged: [(path: String, flags: [Flag])] = []
    /// The kinds that make the run fail (`--fail-on`); empty by default: flags are findings.
    public var failOn: Set<String> = []

    public init() {}

    /// Adds one finished file.
    public mutating func record(_ outcome: FileOutcome) {
        files += 1
        notes += outcome.notes.map { (outcome.path, $0) }
        if !outcome.flags.isEmpty { flagged.append((outcome.path, outcome.flags)) }
        for kind in Set(outcome.flags.map(\.kind)) { flaggedBy[kind, default: 0] += 1 }
        if let counts = outcome.pacs {
            pacs = pacs ?? PACSCounts()
            pacs?.add(counts)
        }
        switch outcome.status {
        case .ok: ok += 1
        case .skipped:
            skipped += 1
            skippedBy[outcome.skipReason?.rawValue ?? "other", default: 0] += 1
        case .failed:
            failed += 1
            failedBy[outcome.errorCode ?? "other", default: 0] += 1
            failures.append((outcome.path, outcome.error ?? "unknown error", outcome.failure?.sharedCause))
        }
    }

    /// `{"summary":{"failed","failedBy","failedOn","files","flaggedBy","interrupted","ok","seconds","skipped",
    /// "skippedBy"}}`, with a PACS also `"pacs":{"alreadyPresent","failed","uploaded"}`.
    public var jsonLine: String {
        JSONLine.encode(["summary": jsonObject])
    }

    /// The summary's object, as in the JSON line and the run manifest; `skippedBy`, `failedBy`,
    /// `flaggedBy` (files by flag kind) and `failedOn` (the part of `flaggedBy` that `--fail-on`
    /// names) are always there (`{}` when none).
    public var jsonObject: [String: Any] {
        var object: [String: Any] = [
            "files": files, "ok": ok, "failed": failed, "skipped": skipped,
            "seconds": (seconds * 1000).rounded() / 1000, "interrupted": interrupted,
            "skippedBy": skippedBy, "failedBy": failedBy, "flaggedBy": flaggedBy, "failedOn": failedOn,
        ]
        if let pacs { object["pacs"] = pacs.jsonObject }
        return object
    }

    /// The flagged files of the kinds in `failOn`, by kind.
    public var failedOn: [String: Int] { flaggedBy.filter { failOn.contains($0.key) } }

    /// The exit status: 130 interrupted, 1 some file failed or has a flag of a `failOn` kind, else 0
    /// (skipped files are not failures; nor is finding no input, which `inputWarning` reports).
    public var exitStatus: Int32 { interrupted ? 130 : failed > 0 || !failedOn.isEmpty ? 1 : 0 }

    public static func == (lhs: BatchSummary, rhs: BatchSummary) -> Bool {
        lhs.files == rhs.files && lhs.ok == rhs.ok && lhs.failed == rhs.failed && lhs.skipped == rhs.skipped
            && lhs.interrupted == rhs.interrupted && lhs.failures.map(\.path) == rhs.failures.map(\.path)
            && lhs.skippedBy == rhs.skippedBy && lhs.failedBy == rhs.failedBy && lhs.flaggedBy == rhs.flaggedBy
            && lhs.failOn == rhs.failOn
    }
}
