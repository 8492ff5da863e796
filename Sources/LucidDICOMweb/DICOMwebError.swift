import Foundation

/// Why a DICOMweb request failed. Every case names the server URL or the file concerned, and no case
/// ever carries a password. Only `.retryable` is tried again (see `RetryPolicy`); when retries run
/// out it becomes `.retriesExhausted`.
public enum DICOMwebError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The server refused the credentials (HTTP 401): a configuration error, never retried.
    case authenticationFailed(url: String, user: String?)
    /// The server rejected one file (HTTP 400, 409 or 415, or a STOW-RS failure entry); retrying
    /// the same bytes cannot help.
    case rejected(file: String, status: Int, reason: String)
    /// A failure that may pass: HTTP 5xx, connection refused or reset, a timeout.
    case retryable(url: String, reason: String)
    /// A retryable failure that persisted through every attempt of the retry policy.
    case retriesExhausted(url: String, attempts: Int, lastReason: String)
    /// An HTTP status the client does not expect for this request.
    case unexpectedStatus(url: String, status: Int, body: String)
    /// The server answered with a body the client cannot read.
    case invalidResponse(url: String, reason: String)
    /// The configuration is incomplete or malformed (URL, credentials).
    case invalidConfiguration(reason: String)
    /// The server answered with a redirect (HTTP 301, 302, 303, 307 or 308). Redirects are not
    /// followed, so credentials and uploads go only to the URL configured; `location` has any
    /// credentials hidden.
    case redirected(url: String, status: Int, location: String)
    /// The request failed below HTTP in a way retrying cannot fix (for example an unsupported URL).
    case transport(url: String, reason: String)
    /// A local file to upload could not be read.
    case unreadable(file: String, reason: String)
    /// The reply body passed `limit` bytes (`RequestLimits.maximumReplyBytes`): reading stopped
    /// there and the connection was closed. Not retried; the server answers what no QIDO-RS or
    /// STOW-RS reply needs, so the URL or the limit is wrong.
    case replyTooLarge(url: String, limit: Int)
    /// One attempt took longer than its deadline of `seconds` (`RequestLimits.deadline(bodyBytes:)`)
    /// and was given up. Not retried: a server that slow would hold every attempt as long.
    case deadlineExceeded(url: String, seconds: Double)
    /// The request was given up because the client was cancelled (an interrupted run) or its
    /// Swift task was.
    case cancelled(url: String)

    public var description: String {
        switch self {
        case .authenticationFailed(let url, let user):
            let who = user.map { "user '\($0)'" } ?? "no credentials"
            return "\(url): authentication failed (HTTP 401) for \(who); "
                + "check LUCID_DICOMWEB_USER and LUCID_DICOMWEB_PASSWORD"
        case .rejected(let file, let status, let reason):
            return "\(file): rejected by the PACS (HTTP \(status)): \(reason)"
        case .retryable(let url, let reason): return "\(url): temporary failure: \(reason)"
        case .retriesExhausted(let url, let attempts, let lastReason):
            return "\(url): still failing after \(attempts) attempts: \(lastReason)"
        case .unexpectedStatus(let url, let status, let body):
            return "\(url): unexpected HTTP \(status)" + (body.isEmpty ? "" : ": \(body)")
        case .invalidResponse(let url, let reason): return "\(url): unreadable response: \(reason)"
        case .invalidConfiguration(let reason): return "DICOMweb configuration: \(reason)"
        case .redirected(let url, let status, let location):
            return "\(url): the server redirects (HTTP \(status)) to \(location); redirects are not followed, "
                + "so that credentials and uploads go only to the URL given: use the DICOMweb root it redirects to"
        case .transport(let url, let reason): return "\(url): request failed: \(reason)"
        case .unreadable(let file, let reason): return "\(file): cannot read: \(reason)"
        case .replyTooLarge(let url, let limit):
            return "\(url): the reply passed \(Self.bytesText(limit)), the most read from a PACS reply; "
                + "reading stopped there"
        case .deadlineExceeded(let url, let seconds):
            return "\(url): no complete reply within the deadline of \(Self.secondsText(seconds)) s per request"
        case .cancelled(let url): return "\(url): request given up: interrupted"
        }
    }

    /// Whether this is a TLS failure (handshake or certificate), which only configuration can fix.
    public var isTLSFailure: Bool {
        if case .transport(_, let reason) = self { return DICOMwebClient.namesTLS(reason) }
        return false
    }

    /// `4 MiB (4194304 bytes)`, or `1000 bytes` below a KiB or when not a whole number of KiB or MiB.
    static func bytesText(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB (\(bytes) bytes)" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB (\(bytes) bytes)" }
        return "\(bytes) bytes"
    }

    /// `120` for whole seconds, else one decimal: `1.5`.
    static func secondsText(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }

    /// Whether the retry policy may try the request again.
    public var isRetryable: Bool {
        if case .retryable = self { return true }
        return false
    }
}
