import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A DICOMweb client (PS3.18) over URLSession: STOW-RS uploads and QIDO-RS instance queries, with
/// HTTP Basic authentication and retries with exponential backoff for failures that may pass.
/// Every request is bounded by `limits`: an idle timeout, a deadline for the whole request and a
/// ceiling on the reply's size, kept while the reply streams in. `cancel()` gives up every request
/// at once.
public final class DICOMwebClient: Sendable {
    /// The DICOMweb root, such as `http://127.0.0.1:8042/dicom-web`.
    public let baseURL: URL
    public let credentials: DICOMwebCredentials?
    public let retryPolicy: RetryPolicy
    public let limits: RequestLimits
    let session: URLSession
    let delegate: SessionDelegate

    /// - Parameters:
    ///   - baseURL: the DICOMweb root; `http` or `https`.
    ///   - limits: the idle timeout, deadline and reply size of each request.
    /// - Throws: `DICOMwebError.invalidConfiguration` for another scheme or a URL without a host.
    public init(
        baseURL: URL, credentials: DICOMwebCredentials?, retryPolicy: RetryPolicy = RetryPolicy(),
        limits: RequestLimits = RequestLimits()
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
        self.limits = limits
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = limits.idleTimeout
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        let delegate = SessionDelegate()
        self.delegate = delegate
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Gives up every request in flight at once and every later one before it is sent, each
    /// throwing `.cancelled`, retry waits included: for a run that is interrupted. Safe from any
    /// thread; it cannot be undone.
    public func cancel() { delegate.stopAll() }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { delegate.isStopped }

    /// Uploads the parts in one STOW-RS request to `{base}/studies` and resolves each part's outcome
    /// from the reply. A 400 or 409 can be a partial success, so every part is judged on its own.
    /// - Throws: `.authenticationFailed` (401), `.retriesExhausted` (5xx or network failures that
    ///   persisted), `.invalidResponse`, `.unexpectedStatus`, `.transport`, `.replyTooLarge`,
    ///   `.deadlineExceeded` or `.cancelled`; per-file rejections are in the returned report, not thrown.
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
    /// A reply past `limits.maximumReplyBytes` throws `.replyTooLarge`, an attempt past its
    /// deadline `.deadlineExceeded`, and cancellation (of the client or the task) `.cancelled`,
    /// none of them retried.
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
            try await pause(delay, url: url)
        }
    }

    /// Waits `seconds` between attempts, looking for cancellation every 50 ms.
    private func pause(_ seconds: Double, url: String) async throws(DICOMwebError) {
        let end = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
        while true {
            if isCancelled || Task.isCancelled { throw .cancelled(url: url) }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < end else { return }
            try? await Task.sleep(nanoseconds: min(end - now, 50_000_000))
        }
    }

    private func sendOnce(_ request: URLRequest, url: String) async throws(DICOMwebError) -> (Data, HTTPURLResponse) {
        let deadline = limits.deadline(bodyBytes: request.httpBody?.count ?? 0)
        let data: Data
        let http: HTTPURLResponse
        switch await transfer(request, deadline: deadline) {
        case .tooLarge: throw .replyTooLarge(url: url, limit: limits.maximumReplyBytes)
        case .deadlinePassed: throw .deadlineExceeded(url: url, seconds: deadline)
        case .cancelled: throw .cancelled(url: url)
        case .finished(_, _, let failure?):
            if failure.code == .cancelled, delegate.refused(url: request.url) {
                throw .authenticationFailed(url: url, user: credentials?.user)
            }
            throw Self.classify(failure, url: url)
        case .finished(_, nil, nil): throw .invalidResponse(url: url, reason: "not an HTTP response")
        case .finished(let body, let response?, nil):
            data = body
            http = response
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

    /// One attempt: a data task whose reply the delegate collects up to the limit, ended at the
    /// deadline, by `cancel()` or by the cancellation of the calling task.
    private func transfer(_ request: URLRequest, deadline: Double) async -> TransferOutcome {
        let task = session.dataTask(with: request)
        let id = task.taskIdentifier
        let delegate = self.delegate
        let limit = limits.maximumReplyBytes
        let started = UncheckedTask(task)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                delegate.start(started.task, limit: limit, deadline: deadline, continuation: continuation)
            }
        } onCancel: {
            delegate.end(id, .cancelled, early: true)
        }
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
