import Foundation

/// The state behind `lucid process`'s progress line on a terminal: files done out of those found so
/// far, failures, rate, and an ETA once the walk has found every file. Redraws are limited to one
/// per `interval` seconds.
public struct ProgressMeter: Sendable {
    public private(set) var done = 0
    public private(set) var failed = 0
    public private(set) var skipped = 0
    public private(set) var discovered = 0
    /// Set when the walk is over.
    public private(set) var total: Int?
    /// Minimum seconds between two redraws (0.1: ten per second at most).
    public let interval: Double
    /// What is counted (`files`) and what skipped items are called (`skipped`).
    public let unit: String
    public let skippedLabel: String
    private let start: Double
    private var lastDraw: Double?

    /// - Parameters:
    ///   - start: the time the batch started, in seconds on any monotonic clock.
    ///   - unit: the plural noun of what is counted, e.g. `instances`.
    ///   - skippedLabel: the word for skipped items, e.g. `already present`.
    public init(start: Double, interval: Double = 0.1, unit: String = "files", skippedLabel: String = "skipped") {
        self.start = start
        self.interval = interval
        self.unit = unit
        self.skippedLabel = skippedLabel
    }

    /// Takes one batch event into account.
    public mutating func record(_ event: BatchEvent) {
        switch event {
        case .discovered(let count): discovered = max(discovered, count)
        case .walkFinished(let count): total = count
        case .finished(let outcome):
            done += 1
            if outcome.status == .failed { failed += 1 }
            if outcome.status == .skipped { skipped += 1 }
        }
    }

    /// The line to draw at `now`, or nil when the last one was drawn less than `interval` ago.
    /// `force` draws regardless (the final state).
    public mutating func line(at now: Double, force: Bool = false) -> String? {
        if !force, let lastDraw, now - lastDraw < interval { return nil }
        lastDraw = now
        return text(at: now)
    }

    /// The progress text at `now`, e.g. `12/40 files, 1 failed, 3.2 files/s, ETA 9s` (with `unit` for `files`).
    public func text(at now: Double) -> String {
        let elapsed = max(now - start, 1e-9)
        let rate = Double(done) / elapsed
        var parts: [String] = []
        if let total {
            parts.append("\(done)/\(total) \(unit)")
        } else {
            parts.append("\(done)/\(discovered)+ \(unit)")
        }
        parts.append("\(failed) failed")
        if skipped > 0 { parts.append("\(skipped) \(skippedLabel)") }
        parts.append(String(format: "%.1f \(unit)/s", rate))
        if let total, rate > 0 {
            let remaining = Double(total - done) / rate
            parts.append("ETA \(Self.duration(remaining))")
        }
        return parts.joined(separator: ", ")
    }

    /// `42s`, `3m05s`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" + String(format: "%02d", whole % 60) + "s" }
        return "\(whole / 3600)h" + String(format: "%02d", (whole % 3600) / 60) + "m"
    }
}
