import Foundation

/// HTTP Basic credentials for a DICOMweb server. The password is never part of `description`.
public struct DICOMwebCredentials: Sendable, Equatable, CustomStringConvertible {
    /// The environment variable holding the user name.
    public static let userVariable = "LUCID_DICOMWEB_USER"
    /// The environment variable holding the password.
    public static let passwordVariable = "LUCID_DICOMWEB_PASSWORD"

    public let user: String
    let password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// Reads `LUCID_DICOMWEB_USER` and `LUCID_DICOMWEB_PASSWORD`. Returns nil when neither is set.
    /// - Throws: `DICOMwebError.invalidConfiguration` when only one of them is set, or the user
    ///   contains a colon (which Basic authentication cannot carry).
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DICOMwebError) -> DICOMwebCredentials? {
        let user = environment[userVariable].flatMap { $0.isEmpty ? nil : $0 }
        let password = environment[passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
        switch (user, password) {
        case (nil, nil): return nil
        case (let user?, let password?):
            if user.contains(":") {
                throw .invalidConfiguration(reason: "\(userVariable) must not contain ':'")
            }
            return DICOMwebCredentials(user: user, password: password)
        case (nil, _): throw .invalidConfiguration(reason: "\(passwordVariable) is set but \(userVariable) is not")
        case (_, nil): throw .invalidConfiguration(reason: "\(userVariable) is set but \(passwordVariable) is not")
        }
    }

    /// The `Authorization` header value.
    var authorizationHeader: String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    public var description: String { "user '\(user)' (password hidden)" }
}

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

/// How long and how large one request to the server may be. Each bound ends a request the server
/// would otherwise hold without limit: a connection that stalls, a server that trickles, a reply
/// that never ends.
public struct RequestLimits: Sendable, Equatable {
    /// Seconds a request may go without any byte moving before it counts as timed out (a
    /// retryable failure); default 60. At least 0.1.
    public var idleTimeout: Double
    /// Seconds one attempt of a request may take in all, connection, upload and reply together,
    /// however steadily bytes arrive; default 120, enough for any QIDO-RS query and for a STOW-RS
    /// request's storage on the server side. At least 0.1. A request with a body gets
    /// `secondsPerUploadedMiB` more per MiB it sends (see `deadline(bodyBytes:)`).
    public var deadline: Double
    /// Extra deadline, in seconds, per MiB of request body; default 4, so an upload moving at
    /// least 256 KiB/s (about 2 Mbit/s) always fits: a 64 MiB STOW-RS batch gets 376 s. At least 0.
    public var secondsPerUploadedMiB: Double
    /// The most bytes of one reply body read (1 ... `Int.max`); default 4 MiB. QIDO-RS and STOW-RS
    /// replies are short DICOM JSON: a STOW-RS reply for 500 instances or a QIDO-RS reply for 50
    /// UIDs takes well under 0.5 MB, so the default leaves ample room while a reply without end
    /// is refused after 4 MiB instead of filling memory.
    public var maximumReplyBytes: Int

    public static let defaultMaximumReplyBytes = 4 << 20

    public init(
        idleTimeout: Double = 60, deadline: Double = 120, secondsPerUploadedMiB: Double = 4,
        maximumReplyBytes: Int = RequestLimits.defaultMaximumReplyBytes
    ) {
        self.idleTimeout = max(0.1, idleTimeout)
        self.deadline = max(0.1, deadline)
        self.secondsPerUploadedMiB = max(0, secondsPerUploadedMiB)
        self.maximumReplyBytes = max(1, maximumReplyBytes)
    }

    /// The deadline in seconds of one attempt of a request sending `bodyBytes` bytes:
    /// `deadline + secondsPerUploadedMiB x bodyBytes / 1 MiB`.
    public func deadline(bodyBytes: Int) -> Double {
        deadline + secondsPerUploadedMiB * Double(max(0, bodyBytes)) / Double(1 << 20)
    }
}
