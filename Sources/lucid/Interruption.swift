import Dispatch
import Foundation

/// Turns SIGINT (Ctrl-C) and SIGTERM (what service managers and `kill` send) into a call of `handler`
/// instead of killing the process: the signals' default actions are ignored and dispatch sources
/// deliver them on their own queue, so the batch can stop handing out files, let the running ones
/// finish and print its summary. SIGKILL cannot be caught; see "Failure behaviour" in the README.
final class Interruption: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]
    private let lock = NSLock()
    private var first: Int32?

    init(handler: @escaping @Sendable () -> Void) {
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
                record(number)
                handler()
            }
            source.resume()
        }
    }

    private func record(_ number: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if first == nil { first = number }
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
