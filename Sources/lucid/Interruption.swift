import Dispatch
import Foundation

/// Turns SIGINT (Ctrl-C) into a call of `handler` instead of killing the process: the signal's default
/// action is ignored and a dispatch source delivers it on its own queue, so the batch can stop handing
/// out files, let the running ones finish and print its summary.
final class Interruption: @unchecked Sendable {
    private let source: DispatchSourceSignal

    init(handler: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "lucid.sigint"))
        source.setEventHandler(handler: handler)
        source.resume()
    }

    /// Stops listening; SIGINT stays ignored until the process exits.
    func stop() {
        source.cancel()
    }
}
