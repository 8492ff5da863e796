import LucidDICOMweb

/// Why a `PACSUploader` stopped pushing for the rest of a run.
public enum PACSHalt: Sendable, Equatable, CustomStringConvertible {
    /// The PACS refused the credentials (HTTP 401), the URL (403, 404, 405) or the connection (TLS),
    /// or answered a reply larger than the limit: a configuration error that stops the run with
    /// one message.
    case configuration(PACSTarget, DICOMwebError)
    /// The PACS could not be reached through every retry of the retry policy, or a request passed
    /// its deadline; the files still to push fail, each saying so.
    case unreachable(PACSTarget, DICOMwebError)

    /// The halt that `error` calls for, or nil when it concerns one request only.
    static func forError(_ error: DICOMwebError, target: PACSTarget) -> PACSHalt? {
        switch error {
        case .authenticationFailed, .invalidConfiguration, .transport, .redirected, .replyTooLarge:
            return .configuration(target, error)
        case .unexpectedStatus(_, let status, _) where [403, 404, 405].contains(status):
            return .configuration(target, error)
        case .retriesExhausted, .retryable, .deadlineExceeded: return .unreachable(target, error)
        case .rejected, .unexpectedStatus, .invalidResponse, .unreadable, .cancelled: return nil
        }
    }

    /// A few words for the files it stops: `dicomweb+http://…: unreachable`.
    public var shortReason: String {
        switch self {
        case .configuration(let target, let error):
            if case .authenticationFailed = error { return "\(target) refused the credentials (HTTP 401)" }
            return "\(target) refused the configuration"
        case .unreachable(let target, .deadlineExceeded): return "\(target) too slow (request deadline passed)"
        case .unreachable(let target, _): return "\(target) unreachable"
        }
    }

    /// What to do about a TLS failure: the certificate is checked against the system's CA store.
    static func hint(for error: DICOMwebError) -> String {
        guard error.isTLSFailure else { return "" }
        return "; the server's certificate is checked against the system's CA store "
            + "(/etc/ssl/certs/ca-certificates.crt): add the site's CA there (update-ca-certificates)"
    }

    /// The one message printed when the halt stops a run.
    public var message: String {
        switch self {
        case .configuration(let target, let error): return "\(target): \(error)\(Self.hint(for: error))"
        case .unreachable: return description
        }
    }

    public var isConfiguration: Bool {
        if case .configuration = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .configuration(let target, let error):
            return "\(target): \(error)\(Self.hint(for: error)) (nothing more is pushed in this run)"
        case .unreachable(let target, let error):
            return "\(target): PACS unreachable: \(error) (nothing more is pushed in this run; "
                + "push again later with lucid archive push)"
        }
    }
}
