import Foundation
import LucidPACS

/// Something that happened during a batch, reported to the caller in order, one at a time.
public enum BatchEvent: Sendable {
    /// The walker found another file; `discovered` counts every path found so far.
    case discovered(Int)
    /// The walker is done: `total` paths in all.
    case walkFinished(total: Int)
    /// A file is finished (processed, failed or skipped).
    case finished(FileOutcome)
}

/// Runs `lucid process` over a stream of inputs: one producer thread walks the inputs into a
/// bounded queue (capacity `2 x jobs`), `jobs` worker threads take files from it and process them.
/// Memory therefore holds at most the queue's paths plus the images the workers are on, however many
/// files there are. A failing file becomes a failed outcome; the batch goes on.
///
/// `cancel()` (on SIGINT) stops the walk, drops the queued files and lets the files being processed
/// finish, so every output is complete (written to a temporary name, then renamed).
public final class BatchRunner: @unchecked Sendable {
    private let processor: FileProcessor
    private let jobs: Int
    private let queue: BoundedQueue<String>
    private let lock = NSLock()
    private var cancelled = false
    private var summary = BatchSummary()

    /// The most files processed at once, 256 (`--jobs`): every job is a thread holding one image
    /// and its own share of the memory budget, so more jobs than the largest servers' hardware
    /// threads only divide the budget into shares too small for an image.
    public static let maximumJobs = 256

    /// `jobs` is clamped to 1...`maximumJobs`.
    public init(processor: FileProcessor, jobs: Int) {
        self.processor = processor
        self.jobs = min(max(1, jobs), Self.maximumJobs)
        self.queue = BoundedQueue(capacity: 2 * self.jobs)
        if processor.settings.pacs != nil { summary.pacs = PACSCounts() }
    }

    /// Stops handing out files; safe to call from any thread, more than once.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
        processor.settings.cancellation.cancel()
        queue.cancel()
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Processes every input of `walker`, calling `report` for each event (serialised, from the
    /// worker or walker threads), and returns the summary once every started file is finished.
    public func run(_ walker: InputWalker, report: @escaping @Sendable (BatchEvent) -> Void) -> BatchSummary {
        let start = DispatchTime.now()
        let group = DispatchGroup()
        let walk = UncheckedBox(walker)
        let deliver: @Sendable (BatchEvent) -> Void = { [self] event in
            lock.lock()
            defer { lock.unlock() }
            if case .finished(let outcome) = event { summary.record(outcome) }
            report(event)
        }
        group.enter()
        Thread { [self] in
            produce(walk.value, deliver: deliver)
            group.leave()
        }.start()
        for _ in 0..<jobs {
            group.enter()
            Thread { [self] in
                while let path = queue.pop() { deliver(.finished(processor.process(path))) }
                group.leave()
            }.start()
        }
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        summary.interrupted = cancelled
        return summary
    }

    private func produce(_ walker: InputWalker, deliver: @Sendable (BatchEvent) -> Void) {
        var discovered = 0
        while !isCancelled, let event = walker.next() {
            discovered += 1
            deliver(.discovered(discovered))
            switch event {
            case .file(let path):
                // Fails only once cancelled, which ends the loop.
                queue.push(path)
            case .unusable(let path, let reason, let fatal):
                let outcome = FileOutcome(path: path, status: fatal ? .failed : .skipped, error: "\(path): \(reason)")
                deliver(.finished(outcome))
            }
        }
        queue.finish()
        if !isCancelled { deliver(.walkFinished(total: discovered)) }
    }
}

/// Hands a non-Sendable value to exactly one other thread.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
