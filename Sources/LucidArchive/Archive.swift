import Foundation
import GRDB
import LucidFiles
import Synchronization

/// An archive folder and its SQLite index `index.sqlite`.
///
/// The index runs in WAL mode with a busy timeout, so several workers and several `lucid process`
/// runs can share one archive: writers queue for SQLite's write lock instead of failing, and every
/// image is committed in one transaction (a batch's writer commits a group of images in one, `commit`).
public final class Archive: Sendable {
    public static let indexName = "index.sqlite"
    /// The folder of `lucid process` run manifests (`lucid-run-*.json`), which the index does not record.
    public static let runsFolder = "runs"
    /// How long a writer waits for another process's transaction before failing.
    public static let busyTimeout: TimeInterval = 120

    /// The archive folder, as given.
    public let root: String
    /// `root/index.sqlite`.
    public let indexPath: String
    let pool: DatabasePool
    /// The run lock, held shared while this archive is open (see `ArchiveLock`).
    let lock: ArchiveLock
    /// The folders whose leftover temporary files this instance has removed (see `store`).
    let sweptFolders = Mutex<Set<String>>([])
    /// The commit journals of writers that are gone, found at the root by the first `commit`
    /// (nil until then) and removed once every file they name is indexed or gone (`tidyJournals`).
    let staleJournals = Mutex<[String]?>(nil)

    /// Opens (creating when missing) the archive at `root` and its index for writing, holding the run
    /// lock shared until it goes away (waiting while `lucid verify` holds it); with `create`, the
    /// folder must be writable. Reading commands use `ArchiveReader`.
    /// - Parameter create: false to fail when there is no index (for `verify` and `ls`).
    /// - Throws: `ArchiveError` naming the folder or index.
    public init(root: String, create: Bool = true) throws(ArchiveError) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.indexPath = self.root + "/" + Archive.indexName
        if create {
            do throws(FileWriteError) {
                try FolderMaker.create(self.root)
            } catch {
                throw .unwritable(path: self.root, reason: "\(error.operation) failed: \(error.reason)")
            }
            // A read-only archive (a read-only mount, a folder without write permission) is named as
            // such, rather than as SQLite's "unable to open database file".
            guard access(self.root, W_OK) == 0 else {
                throw .unwritable(path: self.root, reason: String(cString: strerror(errno)))
            }
        } else if !FileManager.default.fileExists(atPath: indexPath) {
            throw .index(path: indexPath, reason: "no archive index here (is \(self.root) an archive?)")
        }
        lock = try ArchiveLock.shared(root: self.root)
        var configuration = Configuration()
        configuration.busyMode = .timeout(Archive.busyTimeout)
        do {
            pool = try Archive.openPool(indexPath, configuration: configuration)
            try Archive.migrate(pool)
        } catch {
            throw .index(path: indexPath, reason: "\(error)")
        }
        if create { tidyJournals() }
    }

    /// Opens the pool, retrying briefly when another process is switching a new file to WAL mode.
    private static func openPool(_ path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 50 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    /// Brings the index to the current schema. Two processes opening a new or old archive at once
    /// may both try a migration; the second then fails on the first one's record and succeeds when
    /// it tries again, finding the migration applied.
    private static func migrate(_ pool: DatabasePool) throws {
        var attempt = 1
        while true {
            do {
                return try ArchiveSchema.migrator.migrate(pool)
            } catch let error as DatabaseError {
                guard attempt < 3 else { throw error }
                attempt += 1
            }
        }
    }

    /// The absolute or working-directory-relative path of an archive-relative path.
    public func absolute(_ relative: String) -> String { root + "/" + relative }

    /// Runs `body` inside one `BEGIN IMMEDIATE` transaction, committing when it returns; a thrown
    /// error rolls back. Errors of `body` pass through; SQLite errors become `ArchiveError.index`.
    func writeTransaction<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else {
                    throw ArchiveError.index(path: indexPath, reason: "transaction gave no result")
                }
                return result
            }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw .index(path: indexPath, reason: "\(error)")
        }
    }

    /// Runs a read against a consistent snapshot of the index.
    func read<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.read(body)
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw .index(path: indexPath, reason: "\(error)")
        }
    }
}
