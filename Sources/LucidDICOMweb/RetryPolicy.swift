/// How often and how patiently a retryable failure is tried again: exponential backoff, bounded
/// both by a number of attempts and by the total time spent waiting.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included (at least 1).
    public var maxAttempts: Int
    /// The wait before the second attempt, in seconds; each further wait doubles.
    public var initialDelay: Double
    /// The longest single wait, in seconds.
    public var maxDelay: Double
    /// The most time spent waiting across all retries of one request, in seconds.
    public var maxTotalDelay: Double

    public init(maxAttempts: Int = 5, initialDelay: Double = 0.2, maxDelay: Double = 5, maxTotalDelay: Double = 20) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = max(0, initialDelay)
        self.maxDelay = max(0, maxDelay)
        self.maxTotalDelay = max(0, maxTotalDelay)
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait after failed attempt `attempt` (1-based), or nil when no further attempt is allowed
    /// because the count or the total waiting time would be exceeded.
    public func delay(afterAttempt attempt: Int, waitedSoFar: Double) -> Double? {
        guard attempt >= 1, attempt < maxAttempts else { return nil }
        let exponent = Double(min(attempt - 1, 30))
        let wait = min(maxDelay, initialDelay * pow2(exponent))
        guard waitedSoFar + wait <= maxTotalDelay else { return nil }
        return wait
    }

    private func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        var remaining = Int(exponent)
        while remaining > 0 {
            result *= 2
            remaining -= 1
        }
        return result
    }
}
