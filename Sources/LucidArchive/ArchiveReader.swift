import Foundation
import GRDB
import LucidFiles

/// An archive opened for reading only (`lucid verify`, `lucid archive ls`): the index is opened with
/// `SQLITE_OPEN_READONLY`, never migrated or written, and works on a read-only mount or for a user
/// without write permission.
///
/// How the index is opened (`access`):
/// - `immutable` (`file:...?immutable=1`, nothing created or locked) when no writer can be active (the
///   caller holds the exclusive run lock, or the lock file cannot exist) and `index.sqlite-wal` is
///   missing or empty, so the main file holds every commit;
/// - `readOnly`, SQLite's ordinary read-only open, which sees what concurrent writers commit through
///   the write-ahead log;
/// - `copy`: when a read-only open fails (the folder is read-only, `index.sqlite-shm` is missing) and
///   the write-ahead log holds commits, the index and its log are copied to a private temporary
///   folder and read there, so no commit is ignored. The copy is removed when the reader goes away.
/// Without those commits, a read-only open that fails falls back to `immutable`.
public final class ArchiveReader: Sendable {
    public enum Access: String, Sendable {
        case immutable, readOnly, copy
    }

    /// The archive folder, as given (without a trailing slash).
    public let root: String
    /// `root/index.sqlite`.
    public let indexPath: String
    public let access: Access
    let queue: DatabaseQueue
    private let lock: ArchiveLock?
    private let copyFolder: String?

    /// Opens the index of the archive at `root` for reading.
    /// - Parameter exclusive: take the run lock exclusively first and hold it until the reader goes
    ///   away (for `verify`), failing with `ArchiveError.busy` while a writer holds it; default false:
    ///   no lock, and every `read` sees one consistent snapshot even while a run writes (for `ls`).
    public init(root: String, exclusive: Bool = false) throws(ArchiveError) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.indexPath = self.root + "/" + Archive.indexName
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: indexPath, isDirectory: &isFolder), !isFolder.boolValue else {
            throw .index(path: indexPath, reason: "no archive index here (is \(self.root) an archive?)")
        }
        lock = exclusive ? try ArchiveLock.exclusive(root: self.root) : nil
        let logSize = Int64((try? FileManager.default.attributesOfItem(atPath: indexPath + "-wal")[.size] as? Int) ?? 0)
        let opened = try Self.open(indexPath, writersExcluded: exclusive, logSize: logSize)
        (queue, access, copyFolder) = (opened.queue, opened.access, opened.copyFolder)
    }

    /// Opens the index as the type's documentation describes.
    private static func open(_ path: String, writersExcluded: Bool, logSize: Int64) throws(ArchiveError)
        -> (queue: DatabaseQueue, access: Access, copyFolder: String?)
    {
        if writersExcluded && logSize == 0 { return (try open(path, immutable: true), .immutable, nil) }
        do {
            return (try openChecked(path, immutable: false), .readOnly, nil)
        } catch let error {
            guard isAccessFailure(error) else { throw failure(error, path) }
            if logSize == 0 { return (try open(path, immutable: true), .immutable, nil) }
            let folder = try copyIndex(path)
            do throws(ArchiveError) {
                return (try open(folder + "/" + Archive.indexName, immutable: false), .copy, folder)
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                throw error
            }
        }
    }

    deinit {
        if let copyFolder { try? FileManager.default.removeItem(atPath: copyFolder) }
    }

    /// Runs `body` in one read transaction: a consistent snapshot of the index.
    func read<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw Self.failure(error, indexPath)
        }
    }

    private static func open(_ path: String, immutable: Bool) throws(ArchiveError) -> DatabaseQueue {
        do {
            return try openChecked(path, immutable: immutable)
        } catch {
            throw failure(error, path)
        }
    }

    /// Opens and reads the schema once, since SQLite opens files lazily.
    private static func openChecked(_ path: String, immutable: Bool) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Archive.busyTimeout)
        let queue = try DatabaseQueue(path: immutable ? uri(path) : path, configuration: configuration)
        _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        return queue
    }

    /// `file:///ABSOLUTE?immutable=1`, with the characters a URI path cannot hold percent-encoded.
    static func uri(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var encoded = ""
        for character in absolute {
            switch character {
            case "%": encoded += "%25"
            case "?": encoded += "%3F"
            case "#": encoded += "%23"
            default: encoded.append(character)
            }
        }
        return "file://" + encoded + "?immutable=1"
    }

    /// True for SQLite's failures to open or lock the index's companions on a read-only folder.
    private static func isAccessFailure(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_PERM].contains(error.resultCode)
    }

    /// `error` as an `ArchiveError`: a file SQLite does not recognise or finds corrupt is a damaged index.
    static func failure(_ error: any Error, _ path: String) -> ArchiveError {
        if let error = error as? ArchiveError { return error }
        if let error = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            return .damagedIndex(path: path, findings: [error.message ?? "\(error)"])
        }
        return .index(path: path, reason: "\(error)")
    }

    /// Copies the index and its write-ahead log into a new private temporary folder; returns the folder.
    private static func copyIndex(_ path: String) throws(ArchiveError) -> String {
        let folder = NSTemporaryDirectory() + "/lucid-index-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for suffix in ["", "-wal"] {
                try FileManager.default.copyItem(
                    atPath: path + suffix, toPath: folder + "/" + Archive.indexName + suffix)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw .index(
                path: path, reason: "cannot read it here, nor copy it to \(folder): \(SystemErrorText.describe(error))")
        }
        return folder
    }
}
