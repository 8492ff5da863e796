import Foundation
import Synchronization

/// The threads a batch's blocking work runs on: a task executor (SE-0417) of its own `count`
/// threads, given as the executor preference of the batch's child tasks.
///
/// Decoding, filtering, encoding and writing a file keep a thread busy for tens of milliseconds
/// and wait on the disk (`fsync`); the walker may wait on standard input (`--files-from -`) for as
/// long as the producer takes. Run on Swift's cooperative pool, which has one thread per core, such
/// work would starve the tasks it waits for; on these threads it blocks only itself, while the
/// task group that owns the work stays the one structure of the batch (cancellation, results and
/// reporting go through it). Jobs run first in, first out. `shutdown()` lets the threads end once
/// the queue is empty.
package final class BatchThreads: TaskExecutor {
    private struct Queue {
        var jobs: [UnownedJob] = []
        var closed = false
    }

    private let queue = Mutex(Queue())
    /// Wakes a thread waiting for a job: signalled, under its lock, after every change of `queue`.
    private let wakeup = NSCondition()

    /// Starts `count` threads (at least 1).
    package init(count: Int) {
        for index in 0..<max(1, count) {
            let thread = Thread { [self] in work() }
            thread.name = "lucid-batch-\(index)"
            thread.start()
        }
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.withLock { $0.jobs.append(job) }
        wakeup.lock()
        wakeup.signal()
        wakeup.unlock()
    }

    /// Lets every thread end once the jobs queued so far have run.
    package func shutdown() {
        queue.withLock { $0.closed = true }
        wakeup.lock()
        wakeup.broadcast()
        wakeup.unlock()
    }

    private func work() {
        while let job = next() {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// The oldest job, waiting while there is none; nil once shut down and drained.
    private func next() -> UnownedJob? {
        wakeup.lock()
        defer { wakeup.unlock() }
        while true {
            let (job, closed) = queue.withLock { queue -> (UnownedJob?, Bool) in
                queue.jobs.isEmpty ? (nil, queue.closed) : (queue.jobs.removeFirst(), queue.closed)
            }
            if let job { return job }
            if closed { return nil }
            wakeup.wait()
        }
    }
}
