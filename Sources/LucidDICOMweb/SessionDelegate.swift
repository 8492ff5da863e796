import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How one attempt of a request ended.
enum TransferOutcome: Sendable {
    /// The transfer ended by itself: the reply read in full, or the failure URLSession reported.
    case finished(body: Data, response: HTTPURLResponse?, failure: URLError?)
    /// The reply body passed the limit; the connection was closed after at most the limit was kept.
    case tooLarge
    /// The deadline passed first.
    case deadlinePassed
    /// The client or the Swift task was cancelled.
    case cancelled
}

/// The delegate of a `DICOMwebClient`'s session: it collects each reply's body up to a limit,
/// ends each transfer at its deadline or on cancellation at once, and refuses challenges and
/// redirects.
///
/// Credentials go in the `Authorization` header of every request, so a 401 challenge is never
/// answered again. Without a challenge handler, URLSession on Linux (swift-corelibs-foundation
/// 6.3.1) waits forever on a 401 with `WWW-Authenticate`; refusing the challenge ends the task as
/// cancelled instead, and the delegate remembers the URLs it refused so the client can report the
/// cancellation as the authentication failure it is.
///
/// Redirects are refused too: URLSession would follow them with the `Authorization` header, to
/// any host, and turn a redirected STOW-RS POST into a GET. The 3xx response itself reaches the
/// client, which reports where the server points.
final class SessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
    /// Unchecked because `URLSessionTask` and `DispatchSourceTimer` are not marked Sendable in
    /// swift-corelibs-foundation, though both are thread-safe objects; a transfer lives only under
    /// the lock of `transfers`.
    private struct Transfer: @unchecked Sendable {
        let task: URLSessionTask
        let limit: Int
        let continuation: CheckedContinuation<TransferOutcome, Never>
        let watch: DispatchSourceTimer
        /// The reply so far, appended to in place under the lock.
        var body = Data()
    }

    private struct Transfers: Sendable {
        var running: [Int: Transfer] = [:]
        /// Tasks cancelled before they started.
        var cancelledEarly: Set<Int> = []
        var stopped = false
    }

    private let refusedURLs = Mutex<Set<String>>([])
    private let transfers = Mutex(Transfers())
    /// The queue of the deadlines and of the cancellations. A queue of its own, since a global
    /// queue's threads can all be busy with the transfers themselves: a deadline must fire even
    /// then.
    private let deadlines = DispatchQueue(label: "lucid.dicomweb.deadlines")

    /// Whether `stopAll()` was called.
    var isStopped: Bool { transfers.withLock { $0.stopped } }

    /// Starts `task` and resumes `continuation` exactly once, when it ends: by itself, when its
    /// reply passes `limit` bytes, `deadline` seconds from now, or when cancelled.
    func start(
        _ task: URLSessionTask, limit: Int, deadline: Double, continuation: CheckedContinuation<TransferOutcome, Never>
    ) {
        let id = task.taskIdentifier
        let watch = DispatchSource.makeTimerSource(queue: deadlines)
        let refused = transfers.withLock { state -> Bool in
            if state.stopped || state.cancelledEarly.remove(id) != nil { return true }
            state.running[id] = Transfer(task: task, limit: limit, continuation: continuation, watch: watch)
            return false
        }
        if refused {
            // A dispatch source must not be released before it was resumed.
            watch.resume()
            watch.cancel()
            continuation.resume(returning: .cancelled)
            return
        }
        watch.setEventHandler { [weak self] in self?.end(id, .deadlinePassed) }
        watch.schedule(deadline: .now() + .nanoseconds(Int(min(max(0, deadline), 1e9) * 1e9)))
        watch.resume()
        task.resume()
    }

    /// Ends transfer `id` with `outcome` now and cancels its task; nothing when it has ended.
    /// - Parameter early: true for a cancellation, which `start` must honour if it comes first.
    func end(_ id: Int, _ outcome: TransferOutcome, early: Bool = false) {
        let ended = transfers.withLock { state -> Transfer? in
            guard let transfer = state.running.removeValue(forKey: id) else {
                if early { state.cancelledEarly.insert(id) }
                return nil
            }
            return transfer
        }
        guard let ended else { return }
        ended.watch.cancel()
        ended.continuation.resume(returning: outcome)
        cancelLater(ended.task)
    }

    /// Ends every transfer as cancelled, and every later one before it starts.
    func stopAll() {
        let ended = transfers.withLock { state -> [Transfer] in
            state.stopped = true
            defer { state.running = [:] }
            return Array(state.running.values)
        }
        for transfer in ended {
            transfer.watch.cancel()
            transfer.continuation.resume(returning: .cancelled)
            cancelLater(transfer.task)
        }
    }

    /// Cancels `task` on another queue: URLSession on Linux cancels through the session's work
    /// queue, which a fast reply can keep busy, and the caller must not wait for it.
    private func cancelLater(_ task: URLSessionTask) {
        let task = UncheckedTask(task)
        deadlines.async { task.task.cancel() }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let limit = transfers.withLock { $0.running[dataTask.taskIdentifier]?.limit }
        if let limit, response.expectedContentLength > Int64(limit) {
            end(dataTask.taskIdentifier, .tooLarge)
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    /// Keeps the bytes while they fit the limit; the first byte past it ends the transfer.
    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let tooLarge = transfers.withLock { state -> Bool in
            guard let transfer = state.running[id] else { return false }
            if data.count > transfer.limit - transfer.body.count { return true }
            state.running[id]?.body.append(data)
            return false
        }
        if tooLarge { end(id, .tooLarge) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let ended = transfers.withLock({ $0.running.removeValue(forKey: task.taskIdentifier) }) else { return }
        ended.watch.cancel()
        let failure = error.map { error in
            error as? URLError ?? URLError(.unknown, userInfo: [NSLocalizedDescriptionKey: error.localizedDescription])
        }
        ended.continuation.resume(
            returning: .finished(body: ended.body, response: task.response as? HTTPURLResponse, failure: failure))
    }

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

/// A task handed to another queue or into a continuation's closure. Unchecked because
/// `URLSessionTask` is not marked Sendable in swift-corelibs-foundation, though its methods
/// (`resume`, `cancel`) are safe from any thread.
struct UncheckedTask: @unchecked Sendable {
    let task: URLSessionTask
    init(_ task: URLSessionTask) { self.task = task }
}
