import Foundation
import LucidArchive
import Synchronization

/// `lucid archive push`: brings every original and derived DICOM of a local archive to a PACS and
/// records, per instance, whether and when it got there (`Archive.recordPACSAttempts`).
///
/// The archive's DICOM files are taken in path order, `uploader.batchSize` at a time, with up to
/// `jobs` groups in flight. Each file is read and checked against its indexed size and SHA-256
/// (an altered file is never sent), then pushed (`PACSUploader.push`: already present instances
/// are not sent again), and the group's results are committed to the index before the next group
/// starts in its place. An interrupted push therefore resumes where it stopped, and a second push
/// sends nothing new.
public final class ArchivePush: Sendable {
    public let archive: Archive
    public let uploader: PACSUploader
    /// Groups pushed at once, at least 1.
    public let jobs: Int
    private let cancelled = Mutex(false)

    public init(archive: Archive, uploader: PACSUploader, jobs: Int = 2) {
        self.archive = archive
        self.uploader = uploader
        self.jobs = max(1, jobs)
    }

    /// Stops starting groups; those in flight finish and are recorded (those the uploader gave up,
    /// after `PACSUploader.cancel()`, end at once and only what they confirmed is recorded). Safe
    /// from any thread.
    public func cancel() { cancelled.withLock { $0 = true } }

    private var isCancelled: Bool { cancelled.withLock { $0 } }

    /// Pushes everything, calling `report` for each event, and returns the summary. The groups run
    /// as child tasks (at most `jobs` at once); every event is reported from this task, one at a
    /// time, in the order the groups finish.
    /// - Throws: `ArchiveError` when the index cannot be read at the start.
    public func run(report: (ArchivePushEvent) -> Void) async throws(ArchiveError) -> ArchivePushSummary {
        let start = DispatchTime.now()
        let files = try archive.pushableFiles(pacs: uploader.target.description)
        var summary = ArchivePushSummary()
        report(.found(total: files.count))
        let groups = stride(from: 0, to: files.count, by: uploader.batchSize).map {
            Array(files[$0..<min(files.count, $0 + uploader.batchSize)])
        }
        await withTaskGroup(of: [PushedInstance].self) { group in
            var next = 0
            while next < groups.count && next < jobs && !isCancelled {
                let files = groups[next]
                group.addTask { await self.push(files) }
                next += 1
            }
            while let pushed = await group.next() {
                for instance in pushed {
                    summary.record(instance)
                    report(.finished(instance))
                }
                guard next < groups.count, !isCancelled else { continue }
                let files = groups[next]
                group.addTask { await self.push(files) }
                next += 1
            }
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        summary.interrupted = isCancelled
        summary.halt = uploader.halted
        return summary
    }

    /// Reads, checks, pushes and records one group; returns its instances, sorted by path.
    private func push(_ files: [PushableFile]) async -> [PushedInstance] {
        let started = DispatchTime.now()
        var items: [PushItem] = []
        var sent: [PushableFile] = []
        var results: [(PushableFile, PushResult)] = []
        for file in files {
            switch read(file) {
            case .success(let item):
                items.append(item)
                sent.append(file)
            case .failure(let failure):
                let status = PushResult.Status.failed(failure.reason)
                results.append((file, PushResult(name: file.path, sopInstanceUID: file.sopInstanceUID, status: status)))
            }
        }
        let pushed = await uploader.push(items)
        results += zip(sent, pushed).map { ($0, $1) }
        // An interrupted push's failures say nothing of the PACS: the index keeps what it knew.
        let recorded = uploader.isCancelled ? results.filter { $0.1.isConfirmed } : results
        var recordError: String?
        do throws(ArchiveError) {
            try archive.recordPACSAttempts(
                pacs: uploader.target.description,
                recorded.map { file, result in
                    PACSAttempt(
                        path: file.path, sopInstanceUID: file.sopInstanceUID, sha256: file.sha256,
                        confirmed: result.isConfirmed, error: result.failure)
                })
        } catch {
            recordError = error.description
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return results.sorted(by: { $0.0.path < $1.0.path }).map { file, result in
            var status = result.status
            if let recordError {
                status = .failed("\(file.path): pushed, but the index was not updated: \(recordError)")
            }
            return PushedInstance(
                path: file.path, sopInstanceUID: file.sopInstanceUID, status: status,
                seconds: seconds / Double(max(1, files.count)))
        }
    }

    /// The file's bytes, when present and as indexed.
    private func read(_ file: PushableFile) -> Result<PushItem, PushFailure> {
        let location = archive.absolute(file.path)
        guard let bytes = FileManager.default.contents(atPath: location) else {
            return .failure(PushFailure("\(location): missing or unreadable; not sent (see lucid verify)"))
        }
        guard Int64(bytes.count) == file.size, SHA256Digest.hex([UInt8](bytes)) == file.sha256 else {
            return .failure(PushFailure("\(location): altered since it was archived; not sent (see lucid verify)"))
        }
        return .success(PushItem(name: location, bytes: bytes, sopInstanceUID: file.statedSOPInstanceUID))
    }
}

/// A reason a file was not sent.
struct PushFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
