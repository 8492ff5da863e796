import Dispatch
import Foundation

/// Splits an image's rows into strips and runs them on up to `threads` threads
/// (`DispatchQueue.concurrentPerform`). Strips write disjoint rows, so a kernel's result does not
/// depend on the thread count. This is the one parallel loop of Lucid's synchronous kernels and
/// decoders (the batch and the PACS stages use structured concurrency above them).
public enum StripScheduler {
    /// The number of cores this process may use; the default thread count.
    public static var availableThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The most threads one image may use, 256: more than the hardware threads of the largest
    /// common servers, and far past the point where strips of a 65,535-row image stop paying
    /// for their threads. `--threads` beyond it is refused; the default never reaches it.
    public static let maximumThreads = 256

    /// The default thread count: `availableThreads`, at most `maximumThreads`.
    public static var defaultThreads: Int { min(availableThreads, maximumThreads) }

    /// Calls `body` once per strip of consecutive rows covering `0..<rows`, using at most `threads`
    /// threads (1 runs everything on the caller's thread). Strips hold at least `minimumRows` rows
    /// (default 16) and there are about four per thread, so a slow strip does not hold the others up.
    public static func forEachStrip(
        rows: Int, threads: Int, minimumRows: Int = 16, _ body: @Sendable (Range<Int>) -> Void
    ) {
        guard rows > 0 else { return }
        let workers = max(1, min(threads, rows, maximumThreads))
        if workers == 1 {
            body(0..<rows)
            return
        }
        let stripCount = max(workers, min(workers * 4, rows / max(1, minimumRows)))
        let strips = (0..<stripCount).map { index in
            (rows * index / stripCount)..<(rows * (index + 1) / stripCount)
        }
        forEachWorker(workers) { worker in
            var index = worker
            while index < strips.count {
                if !strips[index].isEmpty { body(strips[index]) }
                index += workers
            }
        }
    }

    /// Calls `body(worker)` for every `worker` in `0..<count`, at once on up to `count` threads (1
    /// runs on the caller's thread), and returns when every call has.
    public static func forEachWorker(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if count == 1 {
            body(0)
        } else if count > 1 {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }
}

/// A pointer that may cross into `@Sendable` strip closures: the scheduler guarantees that strips
/// touch disjoint rows, which is what makes sharing it sound.
package struct SendablePointer<Element>: @unchecked Sendable {
    package let base: UnsafeMutablePointer<Element>
    package init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
}

/// A read-only pointer that may cross into `@Sendable` strip closures.
package struct SendableConstPointer<Element>: @unchecked Sendable {
    package let base: UnsafePointer<Element>
    package init(_ base: UnsafePointer<Element>) { self.base = base }
}
