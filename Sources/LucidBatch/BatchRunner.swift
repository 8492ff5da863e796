import Foundation
import LucidPACS
import Synchronization

/// Something that happened during a batch, reported to the caller in order, one at a time.
public enum BatchEvent: Sendable {
    /// The walker found another file; `discovered` counts every path found so far.
    case discovered(Int)
    /// The walker is done: `total` paths in all.
    case walkFinished(total: Int)
    /// A file is finished (processed, failed or skipped).
    case finished(FileOutcome)
}

/// Runs `lucid process` over a stream of inputs as one task group: the walker's steps and the
/// files' processing run as child tasks on the batch's own threads (`BatchThreads`, blocking work),
/// a file's PACS upload as a child task of its own on the default executor (network waits), and
/// this task reports every event, one at a time, as the children finish.
///
/// The workers write every output to a temporary name without waiting for the disk; one writer
/// child task (on the batch's threads, never a worker's) takes every file processed meanwhile and
/// makes the group durable together (`FileProcessor.commit`: flushes, renames, one index
/// transaction), and only then are the files reported or uploaded. While it writes, the next group
/// gathers (group commit).
///
/// Each stage takes a bounded number of files: `jobs` being processed or processed and waiting
/// for an upload to start, at most 4 per job processed and waiting for the writer or in its hands
/// (paths and temporary names, no pixels), `jobs` uploading, and `jobs` found by the walker but not
/// started. Memory holds those paths and images, however many files there are; a PACS or a disk
/// slower than the processing holds the processing back. A failing file becomes a failed outcome;
/// the batch goes on.
///
/// With an archive folder, files sharing a SOP Instance UID are filed in walk order whatever the
/// workers' timing (`ArchiveTurns`): the first is archived, the others meet it as archived.
///
/// `cancel()` (on SIGINT) stops the walk, drops the files not started and lets the files being
/// processed finish and the writer commit them, so every output is complete (written to a temporary
/// name, then renamed).
public final class BatchRunner: Sendable {
    private let processor: FileProcessor
    private let jobs: Int
    private let cancelled = Atomic<Bool>(false)

    /// The most files processed at once, 256 (`--jobs`): every job holds one image and its own
    /// share of the memory budget, so more jobs than the largest servers' hardware threads only
    /// divide the budget into shares too small for an image.
    public static let maximumJobs = 256

    /// The most files per job processed and waiting for the writer or in its hands (paths, outcomes
    /// and the names of their temporary files; no pixels): past it, no file is started.
    static let committingPerJob = 4

    /// `jobs` is clamped to 1...`maximumJobs`.
    public init(processor: FileProcessor, jobs: Int) {
        self.processor = processor
        self.jobs = min(max(1, jobs), Self.maximumJobs)
    }

    /// Stops handing out files; safe to call from any thread, more than once.
    public func cancel() {
        cancelled.store(true, ordering: .releasing)
        processor.settings.cancellation.cancel()
    }

    private var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// What a child task of the batch returns.
    private enum Step: Sendable {
        /// The walker's next event, nil at its end.
        case walked(InputEvent?)
        /// A file processed; its outputs to make durable and its PACS upload, if any, still to come.
        case processed(PreparedFile)
        /// A group of files made durable and filed by the writer.
        case committed([PreparedFile])
        /// A file's uploads done: the file is finished.
        case uploaded(FileOutcome)
    }

    /// Processes every input of `walker`, calling `report` for each event from this task, and
    /// returns the summary once every started file is finished.
    public func run(_ walker: sending InputWalker, report: (BatchEvent) -> Void) async -> BatchSummary {
        let start = DispatchTime.now()
        let threads = BatchThreads(count: jobs + 2)  // the jobs, the walker and the writer
        defer { threads.shutdown() }
        let walk = SharedWalker(walker)
        // Files are started in walk order, so the order they are started in is the walk order.
        let settings = processor.settings
        let turns = settings.archive == nil && settings.deidentifier == nil ? nil : ArchiveTurns()
        var summary = BatchSummary()
        if processor.settings.pacs != nil { summary.pacs = PACSCounts() }
        func finish(_ outcome: FileOutcome) {
            summary.record(outcome)
            report(.finished(outcome))
        }
        await withTaskGroup(of: Step.self) { group in
            var waiting: [String] = []
            var processing = 0
            var processed: [PreparedFile] = []
            var committing: [PreparedFile] = []
            var writing = 0
            var uploading = 0
            var discovered = 0
            var started = 0
            var walking = true
            var walkerBusy = false
            while true {
                if isCancelled { waiting.removeAll() }
                while uploading < jobs, !processed.isEmpty {
                    let prepared = processed.removeFirst()
                    uploading += 1
                    group.addTask { [processor] in .uploaded(await processor.upload(prepared)) }
                }
                if writing == 0, !committing.isEmpty {
                    let written = committing
                    committing.removeAll()
                    writing = written.count
                    group.addTask(executorPreference: threads) { [processor] in .committed(processor.commit(written)) }
                }
                while processing + processed.count < jobs, committing.count + writing < Self.committingPerJob * jobs,
                    !waiting.isEmpty
                {
                    let path = waiting.removeFirst()
                    let turn = turns?.turn(started)
                    processing += 1
                    started += 1
                    group.addTask(executorPreference: threads) { [processor] in
                        .processed(await processor.prepare(path, turn: turn))
                    }
                }
                if walking, !walkerBusy, !isCancelled, waiting.count < jobs {
                    walkerBusy = true
                    group.addTask(executorPreference: threads) { .walked(walk.next()) }
                }
                guard let step = await group.next() else { break }
                switch step {
                case .walked(let event?):
                    walkerBusy = false
                    discovered += 1
                    report(.discovered(discovered))
                    switch event {
                    case .file(let path):
                        waiting.append(path)
                    case .unusable(let path, let reason, let fatal):
                        var outcome = FileOutcome(path: path, status: .skipped)
                        outcome.skip(.notRegularFile, "\(path): \(reason)")
                        if fatal { outcome.fail(.unusable(path: path, reason: reason)) }
                        finish(outcome)
                    }
                case .walked(nil):
                    walkerBusy = false
                    walking = false
                    if !isCancelled { report(.walkFinished(total: discovered)) }
                case .processed(let prepared):
                    processing -= 1
                    if prepared.needsCommit {
                        committing.append(prepared)
                    } else if prepared.uploads.isEmpty {
                        finish(processor.finished(prepared))
                    } else {
                        processed.append(prepared)
                    }
                case .committed(let files):
                    writing = 0
                    for file in files {
                        if file.uploads.isEmpty { finish(processor.finished(file)) } else { processed.append(file) }
                    }
                case .uploaded(let outcome):
                    uploading -= 1
                    finish(outcome)
                }
            }
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        summary.interrupted = isCancelled
        return summary
    }
}

/// The walker, handed to one walker step at a time: each step is a child task, so the walker
/// crosses tasks, always under its lock.
private final class SharedWalker: Sendable {
    private let walker: Mutex<InputWalker>

    init(_ walker: sending InputWalker) { self.walker = Mutex(walker) }

    func next() -> InputEvent? { walker.withLock { $0.next() } }
}
