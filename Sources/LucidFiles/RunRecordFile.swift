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
        let (time, _) = utc(started)
        return "lucid-run-\(time.year)\(two(time.month))\(two(time.day))T\(two(time.hour))\(two(time.minute))"
            + "\(two(time.second))Z-\(processID).json"
    }

    /// ISO 8601 in UTC with milliseconds: `2025-01-02T03:04:05.678Z`.
    package static func timestamp(_ date: Date) -> String {
        let (time, milliseconds) = utc(date)
        let fraction = String(milliseconds + 1000).dropFirst()
        return "\(time.year)-\(two(time.month))-\(two(time.day))T\(two(time.hour)):\(two(time.minute)):"
            + "\(two(time.second)).\(fraction)Z"
    }

    /// The calendar fields of `date` in UTC (`gmtime_r`) and its milliseconds, rounded to the
    /// nearest. Plain C time functions, not Foundation's formatters, which load ICU's locale and
    /// time-zone data (a few milliseconds at the end of every run).
    private static func utc(_ date: Date) -> (
        (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int), milliseconds: Int
    ) {
        let total = Int((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = total >= 0 ? total / 1000 : (total - 999) / 1000
        var clock = time_t(seconds)
        var fields = tm()
        gmtime_r(&clock, &fields)
        return (
            (
                Int(fields.tm_year) + 1900, Int(fields.tm_mon) + 1, Int(fields.tm_mday), Int(fields.tm_hour),
                Int(fields.tm_min), Int(fields.tm_sec)
            ), total - seconds * 1000
        )
    }

    /// `value` (0...99) as two digits.
    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

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
