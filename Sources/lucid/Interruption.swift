import Dispatch
import Foundation

/// Turns SIGINT (Ctrl-C) and SIGTERM (what service managers and `kill` send) into calls of the
/// handlers given to `onSignal` instead of killing the process: the signals' default actions are
/// ignored and dispatch sources deliver them on their own queue, so the batch can stop handing out
/// files, give up its requests to a PACS, let the running files finish and print its summary.
/// SIGKILL cannot be caught; see "Failure behaviour" in the README.
final class Interruption: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]
    private let lock = NSLock()
    private var first: Int32?
    private var handlers: [@Sendable () -> Void] = []

    /// Starts listening; a signal before any handler is given is kept for `onSignal`.
    init() {
        let queue = DispatchQueue(label: "lucid.interruption")
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        for (source, number) in zip(sources, [SIGINT, SIGTERM]) {
            source.setEventHandler { [self] in
                for handler in record(number) { handler() }
            }
            source.resume()
        }
    }

    /// Calls `handler` at every signal from now on, and once at once when a signal came already.
    /// At a signal the handlers run latest first, so the stage given last (the batch) stops
    /// handing out work before an earlier one (the PACS client) gives up its requests.
    func onSignal(_ handler: @escaping @Sendable () -> Void) {
        lock.lock()
        handlers.insert(handler, at: 0)
        let signalled = first != nil
        lock.unlock()
        if signalled { handler() }
    }

    /// Records the signal; returns the handlers to call.
    private func record(_ number: Int32) -> [@Sendable () -> Void] {
        lock.lock()
        defer { lock.unlock() }
        if first == nil { first = number }
        return handlers
    }

    /// The first signal received, if any.
    var signalReceived: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return first
    }

    /// The exit status of an interrupted run: 128 + the signal's number (130 for SIGINT, 143 for SIGTERM).
    var exitStatus: Int32 { 128 + (signalReceived ?? SIGINT) }

    /// Stops listening; the signals stay ignored until the process exits.
    func stop() {
        for source in sources { source.cancel() }
    }
}
