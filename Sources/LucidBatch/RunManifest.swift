import Foundation
import LucidArchive
import LucidFiles
import Synchronization

/// The record of one `lucid process` run: what was asked (version, times, arguments, options), what
/// happened to every input (status, recipe, window per frame, outputs, error) and the summary.
///
/// One JSON file per run, `lucid-run-<yyyyMMdd'T'HHmmss'Z'>-<pid>.json` (start time, UTC), in the
/// `--out` folder and in `<--archive>/runs/`. Each finished file is kept in memory as its
/// `FileOutcome` (paths, recipe text, one window per frame: a few hundred bytes), and the manifest
/// is written once, atomically, when the run ends, interrupted or not.
public final class RunManifest: Sendable {
    /// How the run was asked for.
    public struct Options: Sendable, Equatable {
        /// `--preset`, when given.
        public var preset: String?
        /// The steps in `--steps` syntax (for a preset, its steps; for `auto`, its rule).
        public var steps: String
        public var formats: [String]
        public var quality: Int
        public var jobs: Int
        public var threads: Int
        public var frame: Int?
        /// `--out` and the `--archive` folder, as given.
        public var out: String?
        public var archive: String?
        /// The `--archive` PACS, without credentials (`dicomweb+http://HOST:PORT/PATH`).
        public var pacs: String?
        /// `--shard K/N`, as given.
        public var shard: String?
        /// With `--deidentify`: the PS3.15 profile and options applied (`basic`, then the option
        /// names); nil without.
        public var deidentify: [String]?

        public init(
            preset: String?, steps: String, formats: [String], quality: Int, jobs: Int, threads: Int, frame: Int?,
            out: String?, archive: String?, pacs: String? = nil, shard: String? = nil
        ) {
            self.preset = preset
            self.steps = steps
            self.formats = formats
            self.quality = quality
            self.jobs = jobs
            self.threads = threads
            self.frame = frame
            self.out = out
            self.archive = archive
            self.pacs = pacs
            self.shard = shard
        }
    }

    public let options: Options
    /// The command line, start time, process and directory of the run.
    public let run: RunIdentity
    /// With `--deidentify`: the manifest records neither the arguments (they name the inputs) nor
    /// the current directory, and each file by `FileOutcome.path` as the caller made it shareable.
    public let withholdsInputs: Bool
    private let files = Mutex<[FileOutcome]>([])

    public init(
        options: Options, arguments: [String], started: Date = Date(),
        processID: Int32 = ProcessInfo.processInfo.processIdentifier, withholdsInputs: Bool = false
    ) {
        self.options = options
        self.withholdsInputs = withholdsInputs
        self.run = RunIdentity(arguments: arguments, started: started, processID: processID)
    }

    /// Keeps a finished file; other events are ignored. Safe from any thread.
    public func record(_ event: BatchEvent) {
        guard case .finished(let outcome) = event else { return }
        files.withLock { $0.append(outcome) }
    }

    /// `lucid-run-20250102T030405Z-4242.json`: the start time in UTC and the process id.
    public var fileName: String { run.fileName }

    /// Where the manifest goes: the `--out` folder and `<--archive>/runs`, as given.
    public var folders: [String] {
        var folders: [String] = []
        if let out = options.out { folders.append(out) }
        if let archive = options.archive {
            folders.append((archive.hasSuffix("/") ? archive : archive + "/") + Archive.runsFolder)
        }
        return folders
    }

    /// Writes the manifest into every folder of `folders` (creating them), each atomically: a
    /// temporary name in the same folder, flushed, renamed. Returns the paths written.
    /// - Throws: `ManifestWriteError` naming the first folder or file that could not be written; the
    ///   other folders are still tried.
    public func write(summary: BatchSummary, ended: Date = Date()) throws(ManifestWriteError) -> [String] {
        let finished = files.withLock { $0 }
        var written: [String] = []
        var failure: ManifestWriteError?
        for folder in folders {
            let base = FileSystemPath.absolute(folder, base: run.directory)
            let object = document(files: finished, summary: summary, ended: ended, folder: base)
            do throws(ManifestWriteError) {
                written.append(try RunRecordFile.write(object, folder: folder, fileName: fileName))
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return written
    }
}
