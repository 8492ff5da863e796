import Foundation
import LucidArchive
import LucidFiles
import LucidRendering
import Synchronization

/// The record of one `lucid archive push`, written like the run manifest of `lucid process`
/// (`lucid-run-<yyyyMMdd'T'HHmmss'Z'>-<pid>.json`, in `<archive>/runs/`, atomically, once, also
/// when interrupted), so `lucid verify` knows it. Keys (sorted):
/// `{"arguments","command":"archive push","directory","ended","instances":[{"error","path","seconds",
/// "sopInstanceUID","status"}],"lucidVersion","pacs","started","summary":{"alreadyPresent","failed",
/// "instances","interrupted","seconds","uploaded"}}`. The PACS is named without credentials.
public final class PushManifest: Sendable {
    public let archive: Archive
    public let pacs: String
    /// The command line, start time, process and directory of the push.
    public let run: RunIdentity
    private let instances = Mutex<[PushedInstance]>([])

    public init(
        archive: Archive, pacs: String, arguments: [String], started: Date = Date(),
        processID: Int32 = ProcessInfo.processInfo.processIdentifier
    ) {
        self.archive = archive
        self.pacs = pacs
        self.run = RunIdentity(arguments: arguments, started: started, processID: processID)
    }

    /// Keeps a finished instance; other events are ignored. Safe from any thread.
    public func record(_ event: ArchivePushEvent) {
        guard case .finished(let instance) = event else { return }
        instances.withLock { $0.append(instance) }
    }

    /// `<archive>/runs/lucid-run-<start time, UTC>-<pid>.json`.
    public var path: String { runsFolder + "/" + fileName }

    private var runsFolder: String { archive.absolute(Archive.runsFolder) }
    private var fileName: String { run.fileName }

    /// Writes the manifest atomically and returns its path.
    /// - Throws: `ManifestWriteError` naming the file.
    public func write(summary: ArchivePushSummary, ended: Date = Date()) throws(ManifestWriteError) -> String {
        var object = run.recordFields(ended: ended, version: LucidVersion.current)
        object["command"] = "archive push"
        object["pacs"] = pacs
        object["instances"] = instances.withLock { $0 }.map(\.jsonObject)
        object["summary"] = summary.jsonObject
        return try RunRecordFile.write(object, folder: runsFolder, fileName: fileName)
    }
}
