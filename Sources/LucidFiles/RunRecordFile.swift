import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How every run record (the manifest of `lucid process`, of `lucid archive push`) is named and
/// written: `lucid-run-<start time, UTC>-<pid>.json`, pretty-printed JSON with sorted keys, written
/// atomically (a temporary name in the same folder, flushed, renamed).
package enum RunRecordFile {
    /// `lucid-run-<start time as yyyyMMdd'T'HHmmss'Z', UTC>-<pid>.json`, e.g.
    /// `lucid-run-20250102T030405Z-4242.json`.
    package static func fileName(started: Date, processID: Int32) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "lucid-run-\(formatter.string(from: started))-\(processID).json"
    }

    /// ISO 8601 in UTC with milliseconds: `2025-01-02T03:04:05.678Z`.
    package static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// Pretty-printed JSON with sorted keys and a final newline; nil when a value cannot be
    /// written as JSON.
    private static func encode(_ object: [String: Any]) -> [UInt8]? {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = JSONText.data(object, options: options) else { return nil }
        return [UInt8](data) + [UInt8(ascii: "\n")]
    }

    /// Writes one record as `folder/fileName` (creating the folder), atomically, never over another
    /// record: when the name is taken (two containers of one job, each process 1, starting in the
    /// same second into one shared folder), `-2`, `-3`, ... is added before `.json`. Returns the path
    /// written.
    /// - Throws: `ManifestWriteError` naming the file and what failed.
    package static func write(_ object: [String: Any], folder: String, fileName: String) throws(ManifestWriteError)
        -> String
    {
        let directory = folder.hasSuffix("/") ? folder : folder + "/"
        let path = directory + fileName
        do throws(FileWriteError) {
            try FolderMaker.create(folder)
        } catch {
            throw ManifestWriteError(
                path: path, reason: "cannot create \(folder): \(error.operation) failed: \(error.reason)")
        }
        guard let bytes = encode(object) else {
            throw ManifestWriteError(path: path, reason: "a value cannot be written as JSON")
        }
        let stem = fileName.hasSuffix(".json") ? String(fileName.dropLast(5)) : fileName
        for attempt in 1...1000 {
            let candidate = attempt == 1 ? path : directory + stem + "-\(attempt).json"
            do throws(FileWriteError) {
                try AtomicFileWriter.write(bytes, to: candidate, replacing: false)
                return candidate
            } catch  where error.code == EEXIST {
                continue
            } catch {
                throw ManifestWriteError(path: candidate, reason: error.description)
            }
        }
        throw ManifestWriteError(path: path, reason: "1000 run records of this second and process id are there already")
    }
}

/// Why a run record could not be written.
public struct ManifestWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot write the run manifest \(path): \(reason)" }
}

/// Who and when a run was: its command line, start time, process and current directory. Every run
/// record of Lucid begins with these (`arguments`, `started`, `directory`) and is named after them
/// (`fileName`).
public struct RunIdentity: Sendable, Equatable {
    /// The command line after the program name.
    public let arguments: [String]
    public let started: Date
    /// The current directory, against which relative paths of the run resolve.
    public let directory: String
    public let processID: Int32

    public init(
        arguments: [String], started: Date = Date(), processID: Int32 = ProcessInfo.processInfo.processIdentifier
    ) {
        self.arguments = arguments
        self.started = started
        self.directory = FileSystemPath.currentDirectory
        self.processID = processID
    }

    /// `lucid-run-20250102T030405Z-4242.json`: the start time in UTC and the process id.
    public var fileName: String { RunRecordFile.fileName(started: started, processID: processID) }

    /// The fields every run record holds: `arguments`, `directory`, `ended`, `lucidVersion`
    /// (`version`), `started`.
    package func recordFields(ended: Date, version: String) -> [String: Any] {
        [
            "lucidVersion": version, "started": RunRecordFile.timestamp(started),
            "ended": RunRecordFile.timestamp(ended), "directory": directory, "arguments": arguments,
        ]
    }
}
