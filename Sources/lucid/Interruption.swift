import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT (Ctrl-C) and SIGTERM (what service managers and `kill` send) into calls of the
/// handlers given to `onSignal` instead of killing the process: the signals' default actions are
/// ignored and dispatch sources deliver them on their own queue, so the batch can stop handing out
/// files, give up its requests to a PACS, let the running files finish and print its summary.
/// SIGKILL cannot be caught; see "Failure behaviour" in the README.
final class Interruption: Sendable {
    /// The first signal received, and the handlers to call at every signal (latest given first).
    private struct State {
        var first: Int32?
        var handlers: [@Sendable () -> Void] = []
        var sources: [DispatchSourceSignal] = []
    }

    private let state = Mutex(State())

    /// Starts listening; a signal before any handler is given is kept for `onSignal`.
    init() {
        state.withLock { state in
            let queue = DispatchQueue(label: "lucid.interruption")
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [self] in
                    for handler in record(number) { handler() }
                }
                source.resume()
                state.sources.append(source)
            }
        }
    }

    /// Calls `handler` at every signal from now on, and once at once when a signal came already.
    /// At a signal the handlers run latest first, so the stage given last (the batch) stops
    /// handing out work before an earlier one (the PACS client) gives up its requests.
    func onSignal(_ handler: @escaping @Sendable () -> Void) {
        let signalled = state.withLock { state in
            state.handlers.insert(handler, at: 0)
            return state.first != nil
        }
        if signalled { handler() }
    }

    /// Records the signal; returns the handlers to call.
    private func record(_ number: Int32) -> [@Sendable () -> Void] {
        state.withLock { state in
            if state.first == nil { state.first = number }
            return state.handlers
        }
    }

    /// The first signal received, if any.
    var signalReceived: Int32? { state.withLock { $0.first } }

    /// The exit status of an interrupted run: 128 + the signal's number (130 for SIGINT, 143 for SIGTERM).
    var exitStatus: Int32 { 128 + (signalReceived ?? SIGINT) }

    /// Stops listening; the signals stay ignored until the process exits.
    func stop() {
        state.withLock { state in
            for source in state.sources { source.cancel() }
        }
    }
}
