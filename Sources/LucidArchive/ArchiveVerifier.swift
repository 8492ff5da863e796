import Foundation
import GRDB
import LucidFiles

/// The findings of `lucid verify`: index against files. Paths are relative to the archive; a name
/// that is not UTF-8 is held as its `FileSystemName` escape (`TerminalText` shows it as `\xe9`).
public struct VerificationReport: Sendable, Equatable {
    /// A file whose size or SHA-256 differs from the index, or that cannot be read.
    public struct Altered: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    /// A temporary file an interrupted write left (`.NAME.tmp-<hex>`).
    public struct Leftover: Sendable, Equatable {
        public var path: String
        /// Bytes.
        public var size: Int64
    }

    /// A symbolic link in the archive tree; it is reported, never followed.
    public struct Link: Sendable, Equatable {
        public var path: String
        public var target: String
    }

    /// Distinct files the index records.
    public var checked = 0
    /// Indexed files that are not there (sorted).
    public var missing: [String] = []
    /// Indexed files whose contents changed, or that are not a regular file where the index expects
    /// one (a symbolic link, a FIFO, a link in place of one of their folders).
    public var altered: [Altered] = []
    /// Files in the archive tree that the index does not know, FIFOs and devices included.
    public var unindexed: [String] = []
    /// Temporary files of interrupted writes, with their sizes, and complete files a writer renamed
    /// into place but was stopped before indexing (named by its commit journal, `ArchiveJournal`).
    /// They do not make the archive unclean: they hold no indexed data; the next write into their
    /// folder removes the temporary files, and the next run over the same inputs indexes the others.
    public var leftovers: [Leftover] = []
    /// Symbolic links below the root.
    public var links: [Link] = []
    /// Indexed files and folders that could not be read (permissions, I/O errors).
    public var unreadable: [Altered] = []

    /// True when every indexed file is intact and the tree holds nothing else (leftovers aside).
    public var isClean: Bool {
        missing.isEmpty && altered.isEmpty && unindexed.isEmpty && links.isEmpty && unreadable.isEmpty
    }

    /// The number of findings that make the archive unclean.
    public var problems: Int { missing.count + altered.count + unindexed.count + links.count + unreadable.count }
}

/// One file the index records, as verification reads it: a row of `files` or (schema 3) of `conflicts`.
struct IndexedFile {
    var path: String
    var size: Int64
    var sha256: String

    static func fetchAll(_ db: Database) throws -> [IndexedFile] {
        let hasConflicts = try db.tableExists("conflicts")
        let sql =
            "SELECT DISTINCT path, size, sha256 FROM files"
            + (hasConflicts ? " UNION SELECT path, size, sha256 FROM conflicts" : "") + " ORDER BY path"
        return try Row.fetchAll(db, sql: sql).map { row in
            IndexedFile(path: row["path"], size: row["size"], sha256: row["sha256"])
        }
    }
}

extension ArchiveReader {
    /// Checks the index (`PRAGMA integrity_check`, then every record's plausibility), then recomputes
    /// the SHA-256 of every indexed file and walks the tree for what the index lacks. Open the reader
    /// with `exclusive: true` so no writer runs meanwhile.
    /// Not counted as unindexed: `index.sqlite` and its companions (`-wal`, `-shm`, `-journal`,
    /// `.lock`), the run manifests (`runs/lucid-run-*.json`) and temporary files (reported as leftovers).
    /// - Throws: `ArchiveError.damagedIndex` before any file is checked when the index fails its checks.
    public func verify() throws(ArchiveError) -> VerificationReport {
        try checkIndex(full: true)
        return try Verification.run(root: root, indexPath: indexPath, files: try read(IndexedFile.fetchAll))
    }
}

extension Archive {
    /// `ArchiveReader.verify()` through this writer's own connection, without the run lock.
    public func verify() throws(ArchiveError) -> VerificationReport {
        let findings = try read { db in try IndexIntegrity.findings(db, path: indexPath, full: true) }
        guard findings.isEmpty else { throw .damagedIndex(path: indexPath, findings: findings) }
        return try Verification.run(root: root, indexPath: indexPath, files: try read(IndexedFile.fetchAll))
    }

    /// Whether `relative` is a run manifest: `runs/lucid-run-*.json`, directly in `runs/`.
    static func isRunManifest(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0] == Archive.runsFolder && parts[1].hasPrefix("lucid-run-")
            && parts[1].hasSuffix(".json")
    }
}

/// Index against tree, once the index passed SQLite's check.
enum Verification {
    static func run(root: String, indexPath: String, files: [IndexedFile]) throws(ArchiveError)
        -> VerificationReport
    {
        let implausible = files.compactMap { IndexIntegrity.problem(path: $0.path, size: $0.size, sha256: $0.sha256) }
        guard implausible.isEmpty else {
            throw .damagedIndex(path: indexPath, findings: Array(implausible.prefix(ArchiveError.findingLimit)))
        }
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: root, reason: NoFollowCalls.describe(errno)) }
        defer { close(descriptor) }
        var report = VerificationReport()
        var indexed: Set<[UInt8]> = []
        for file in files {
            if indexed.insert(Array(file.path.utf8)).inserted { report.checked += 1 }
            switch IndexedFileCheck.check(root: descriptor, path: file.path, size: file.size, sha256: file.sha256) {
            case .intact: break
            case .missing: if report.missing.last != file.path { report.missing.append(file.path) }
            case .altered(let reason): report.altered.append(.init(path: file.path, reason: reason))
            case .unreadable(let reason): report.unreadable.append(.init(path: file.path, reason: reason))
            }
        }
        let scan = ArchiveTree.scan(root: descriptor)
        let journaled = journaledPaths(scan, root: descriptor)
        let unindexed = scan.files.filter { !indexed.contains($0.path) }
        let interrupted = unindexed.filter { journaled.contains(text($0.path)) }
        report.unindexed = (unindexed.filter { !journaled.contains(text($0.path)) } + scan.others)
            .map { text($0.path) }.sorted()
        report.leftovers = (scan.leftovers + interrupted).map { .init(path: text($0.path), size: $0.size) }
            .sorted { $0.path < $1.path }
        report.links = scan.links.map { .init(path: text($0.path), target: text($0.detail)) }
        report.unreadable += scan.unreadable.map { .init(path: text($0.path), reason: text($0.detail)) }
        return report
    }

    /// The files named by the commit journals at the root (`ArchiveJournal`): renamed into place by
    /// a writer that was stopped before it indexed them.
    static func journaledPaths(_ scan: TreeScan, root: Int32) -> Set<String> {
        var paths: Set<String> = []
        for entry in scan.leftovers where !entry.path.contains(UInt8(ascii: "/")) {
            guard ArchiveJournal.isJournal(text(entry.path)) else { continue }
            paths.formUnion(ArchiveJournal.paths(entry.path, in: root) ?? [])
        }
        return paths
    }

    /// A path's bytes as text: unchanged when UTF-8; a byte that is not is held as its
    /// `FileSystemName` escape, which `TerminalText` shows as `\xe9`.
    static func text(_ bytes: [UInt8]) -> String {
        FileSystemName.string(bytes)
    }
}
