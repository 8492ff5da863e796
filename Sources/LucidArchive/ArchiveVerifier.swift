import Foundation
import GRDB
import LucidCodecs

/// The findings of `lucid verify`: index against files.
public struct VerificationReport: Sendable, Equatable {
    /// A file whose size or SHA-256 differs from the index.
    public struct Altered: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    /// Distinct files the index records.
    public var checked = 0
    /// Indexed files that are not there (relative paths, sorted).
    public var missing: [String] = []
    /// Indexed files whose contents changed.
    public var altered: [Altered] = []
    /// Files in the archive tree that the index does not know.
    public var unindexed: [String] = []

    public var isClean: Bool { missing.isEmpty && altered.isEmpty && unindexed.isEmpty }
}

extension Archive {
    /// Recomputes the SHA-256 of every indexed file and walks the tree for files the index lacks.
    /// Not counted as unindexed: `index.sqlite` and its `-wal`, `-shm` and `-journal` companions, the
    /// run manifests of `lucid process` (`runs/lucid-run-*.json`), and the temporary files of atomic
    /// writes (`.NAME.tmp-<hex>`), which belong to writes in progress.
    public func verify() throws(ArchiveError) -> VerificationReport {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT path, size, sha256 FROM files UNION SELECT path, size, sha256 FROM conflicts ORDER BY path"
            )
        }
        var report = VerificationReport()
        var indexed: Set<String> = []
        for row in rows {
            let path: String = row["path"]
            let size: Int64 = row["size"]
            let digest: String = row["sha256"]
            if indexed.insert(path).inserted { report.checked += 1 }
            let location = absolute(path)
            guard let actual = Self.fileSize(location) else {
                if !report.missing.contains(path) { report.missing.append(path) }
                continue
            }
            if actual != size {
                report.altered.append(.init(path: path, reason: "size \(actual) bytes, indexed \(size)"))
                continue
            }
            let computed = try SHA256Digest.hex(fileAt: location)
            if computed != digest {
                report.altered.append(.init(path: path, reason: "SHA-256 \(computed), indexed \(digest)"))
            }
        }
        report.unindexed = try treeFiles().filter { !indexed.contains($0) }
        return report
    }

    /// Every file the index records (each path once), sorted by path.
    public func recordedFiles() throws(ArchiveError) -> [RecordedFile] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT role, path, size, sha256 FROM files GROUP BY path ORDER BY path").map {
                row in
                RecordedFile(
                    role: FileRole(rawValue: row["role"]) ?? .rendition, path: row["path"], size: row["size"],
                    sha256: row["sha256"])
            }
        }
    }

    /// Whether `relative` is a run manifest: `runs/lucid-run-*.json`, directly in `runs/`.
    static func isRunManifest(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0] == Archive.runsFolder && parts[1].hasPrefix("lucid-run-")
            && parts[1].hasSuffix(".json")
    }

    /// Every regular file below the root, relative and sorted, without the index, the run manifests
    /// and temporary files.
    func treeFiles() throws(ArchiveError) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw .unreadable(path: root, reason: "cannot list the folder")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if !relative.contains("/"), name.hasPrefix(Archive.indexName) { continue }
            if Self.isRunManifest(relative) { continue }
            if AtomicFileWriter.isTemporaryFileName(name) { continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute(relative), isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            files.append(relative)
        }
        return files.sorted()
    }
}
