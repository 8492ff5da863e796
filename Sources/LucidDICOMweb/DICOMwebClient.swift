import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A DICOMweb client (PS3.18) over URLSession: STOW-RS uploads and QIDO-RS instance queries, with
/// HTTP Basic authentication and retries with exponential backoff for failures that may pass.
public final class DICOMwebClient: Sendable {
    /// The DICOMweb root, such as `http://127.0.0.1:8042/dicom-web`.
    public let baseURL: URL
    public let credentials: DICOMwebCredentials?
    public let retryPolicy: RetryPolicy
    let session: URLSession
    let challenges: ChallengeAndRedirectRefusingDelegate

    /// - Parameters:
    ///   - baseURL: the DICOMweb root; `http` or `https`.
    ///   - timeout: seconds a request may stay without progress before it counts as timed out.
    /// - Throws: `DICOMwebError.invalidConfiguration` for another scheme or a URL without a host.
    public init(
        baseURL: URL, credentials: DICOMwebCredentials?, retryPolicy: RetryPolicy = RetryPolicy(),
        timeout: Double = 60
    ) throws(DICOMwebError) {
        guard let scheme = baseURL.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .invalidConfiguration(reason: "\(baseURL.absoluteString): the scheme must be http or https")
        }
        guard let host = baseURL.host, !host.isEmpty else {
            throw .invalidConfiguration(reason: "\(baseURL.absoluteString): no host")
        }
        var root = baseURL.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        guard let normalized = URL(string: root) else {
            throw .invalidConfiguration(reason: "\(baseURL.absoluteString): not a valid URL")
        }
        self.baseURL = normalized
        self.credentials = credentials
        self.retryPolicy = retryPolicy
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        let challenges = ChallengeAndRedirectRefusingDelegate()
        self.challenges = challenges
        self.session = URLSession(configuration: configuration, delegate: challenges, delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Uploads the parts in one STOW-RS request to `{base}/studies` and resolves each part's outcome
    /// from the reply. A 400 or 409 can be a partial success, so every part is judged on its own.
    /// - Throws: `.authenticationFailed` (401), `.retriesExhausted` (5xx or network failures that
    ///   persisted), `.invalidResponse`, `.unexpectedStatus` or `.transport`; per-file rejections are
    ///   in the returned report, not thrown.
    public func store(_ parts: [DICOMwebPart]) async throws(DICOMwebError) -> STOWReport {
        guard !parts.isEmpty else { return STOWReport() }
        let multipart = MultipartRelatedBody(parts: parts)
        let url = baseURL.appendingPathComponent("studies")
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue(multipart.contentType, forHTTPHeaderField: "Content-Type")
        request.setValue("application/dicom+json", forHTTPHeaderField: "Accept")
        request.httpBody = multipart.body
        let (data, response) = try await send(request)
        let status = response.statusCode
        switch status {
        case 200, 202, 400, 409:
            let reply: STOWResponse
            do {
                reply = try STOWResponse.parse(json: data, url: url.absoluteString)
            } catch {
                guard status >= 400 else { throw error }
                reply = STOWResponse()
            }
            return STOWReport(parts: parts, reply: reply, status: status, serverMessage: Self.excerpt(data))
        case 415:
            let reason = "unsupported media type: " + Self.excerpt(data)
            return STOWReport(rejected: parts.map { .rejected(file: $0.name, status: status, reason: reason) })
        default:
            throw .unexpectedStatus(url: url.absoluteString, status: status, body: Self.excerpt(data))
        }
    }

    /// QIDO-RS `GET {base}/instances?SOPInstanceUID=…`: the instances the server holds with this UID.
    public func findInstances(sopInstanceUID: String) async throws(DICOMwebError) -> [QIDOInstance] {
        try await findInstances(sopInstanceUIDs: [sopInstanceUID])
    }

    /// Sends a request with credentials, retrying retryable failures by the policy. A 401 throws
    /// `.authenticationFailed`; 5xx and network failures are retried; other statuses are returned.
    func send(_ request: URLRequest) async throws(DICOMwebError) -> (Data, HTTPURLResponse) {
        var request = request
        if let credentials { request.setValue(credentials.authorizationHeader, forHTTPHeaderField: "Authorization") }
        let url = request.url?.absoluteString ?? baseURL.absoluteString
        var attempt = 0
        var waited = 0.0
        while true {
            attempt += 1
            let failure: DICOMwebError
            do {
                return try await sendOnce(request, url: url)
            } catch {
                failure = error
            }
            guard case .retryable(_, let reason) = failure else { throw failure }
            guard let delay = retryPolicy.delay(afterAttempt: attempt, waitedSoFar: waited) else {
                throw .retriesExhausted(url: url, attempts: attempt, lastReason: reason)
            }
            waited += delay
            try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
        }
    }

    private func sendOnce(_ request: URLRequest, url: String) async throws(DICOMwebError) -> (Data, HTTPURLResponse) {
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError {
            if error.code == .cancelled, !Task.isCancelled, challenges.refused(url: request.url) {
                throw .authenticationFailed(url: url, user: credentials?.user)
            }
            throw Self.classify(error, url: url)
        } catch {
            throw .transport(url: url, reason: error.localizedDescription)
        }
        guard let http = response as? HTTPURLResponse else {
            throw .invalidResponse(url: url, reason: "not an HTTP response")
        }
        if http.statusCode == 401 { throw .authenticationFailed(url: url, user: credentials?.user) }
        if [301, 302, 303, 307, 308].contains(http.statusCode) {
            let location = http.value(forHTTPHeaderField: "Location").map(URLText.redactingCredentials)
            throw .redirected(url: url, status: http.statusCode, location: location ?? "(no Location header)")
        }
        if (500...599).contains(http.statusCode) {
            throw .retryable(url: url, reason: "HTTP \(http.statusCode) \(Self.excerpt(data))")
        }
        return (data, http)
    }

    /// Network failures that may pass on another attempt are retryable; the rest are not.
    ///
    /// URLSession on Linux reports most libcurl failures as `URLError.unknown` with libcurl's own
    /// text: a response cut short ("transfer closed with 22 bytes remaining to read"), a receive or
    /// send error without ECONNRESET, a stalled connection. A server that dies mid-response produces
    /// exactly these, so an unknown failure is retried, unless its text names TLS or a certificate:
    /// those are configuration errors that no retry can fix.
    static func classify(_ error: URLError, url: String) -> DICOMwebError {
        let retryable: Set<URLError.Code> = [
            .cannotConnectToHost, .networkConnectionLost, .timedOut, .notConnectedToInternet, .cannotFindHost,
            .dnsLookupFailed, .resourceUnavailable, .badServerResponse, .cannotLoadFromNetwork,
        ]
        let reason = "\(error.localizedDescription) (URLError \(error.code.rawValue))"
        let transient = retryable.contains(error.code) || (error.code == .unknown && !Self.namesTLS(reason))
        return transient ? .retryable(url: url, reason: reason) : .transport(url: url, reason: reason)
    }

    /// Whether a failure's text speaks of TLS: libcurl's texts for certificate and handshake failures
    /// say "SSL", "TLS" or "certificate".
    static func namesTLS(_ reason: String) -> Bool {
        let lowered = reason.lowercased()
        return ["ssl", "tls", "certificate"].contains { lowered.contains($0) }
    }

    /// The start of a response body as text on one line (runs of white space become one space), for messages.
    static func excerpt(_ data: Data, limit: Int = 300) -> String {
        let text = String(decoding: data.prefix(limit), as: UTF8.self)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return data.count > limit ? text + "…" : text
    }
}

/// Credentials go in the `Authorization` header of every request, so a 401 challenge is never
/// answered again. Without a challenge handler, URLSession on Linux (swift-corelibs-foundation
/// 6.3.1) waits forever on a 401 with `WWW-Authenticate`; refusing the challenge ends the task as
/// cancelled instead, and this delegate remembers the URLs it refused so the client can report the
/// cancellation as the authentication failure it is.
///
/// Redirects are refused too: URLSession would follow them with the `Authorization` header, to
/// any host, and turn a redirected STOW-RS POST into a GET. The 3xx response itself reaches the
/// client, which reports where the server points.
final class ChallengeAndRedirectRefusingDelegate: NSObject, URLSessionTaskDelegate, Sendable {
    private let refusedURLs = Mutex<Set<String>>([])

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        if let url = task.originalRequest?.url?.absoluteString {
            refusedURLs.withLock { _ = $0.insert(url) }
        }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    /// Refuses the redirect: the task completes with the 3xx response.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    /// Whether a challenge for this URL was refused (and forgets it).
    func refused(url: URL?) -> Bool {
        guard let url = url?.absoluteString else { return false }
        return refusedURLs.withLock { $0.remove(url) != nil }
    }
}
