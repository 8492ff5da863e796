import Foundation
import Synchronization

/// Two pieces of work at the same time, the one waiting on the disk on a thread of its own: fork,
/// then join before returning, so neither outlives the call.
///
/// `DispatchQueue.concurrentPerform` would be the obvious tool, but when the dispatch pool is busy
/// (as it is during a batch, every core processing a file) it runs its iterations one after the
/// other on the calling thread: a direct write of a 10 MB derived DICOM and the SHA-256 of the same
/// bytes then took 8 and 7 ms in turn instead of 8 together. A thread started for the call costs
/// tens of microseconds against milliseconds of waiting.
package enum ForkJoin {
    /// Runs `background` on a new thread and `foreground` on the calling one; returns both results
    /// once both are done. `background` escapes only to that thread, which has run it by then.
    package static func run<Background: Sendable, Foreground>(
        background: @escaping @Sendable () -> Background, foreground: () -> Foreground
    ) -> (Background, Foreground) {
        let result = Mutex<Background?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            let value = background()
            result.withLock { $0 = value }
            done.signal()
        }.start()
        let foregroundResult = foreground()
        done.wait()
        // The thread set the result before signalling.
        return (result.withLock { $0 }.unsafelyUnwrapped, foregroundResult)
    }
}
