import Foundation
import GRDB

/// What `Archive.store` did.
public enum StoreResult: Sendable, Equatable {
    /// The files were written (or already present with the same bytes) and the instance indexed;
    /// their paths (root-joined), the original first, then the staged files in order, and their SHA-256.
    case archived([String], sha256: [String])
    /// The instance was already archived from the same bytes with this recipe and intact files;
    /// nothing was written.
    case alreadyArchived
    /// The archive holds another file with this SOP Instance UID; this one was kept apart.
    case conflict(ArchiveConflict)
}

/// A file that claims the SOP Instance UID of an archived original but holds other bytes. The
/// archived original is never replaced; the newcomer is kept, byte for byte, under
/// `ArchivePlan.conflictPath` in the series folder its own header names, and indexed in `conflicts`.
public struct ArchiveConflict: Sendable, Equatable {
    public var sopInstanceUID: String
    /// Where this file was kept (root-joined).
    public var keptAs: String
    /// The SHA-256 of this file.
    public var sha256: String
    /// The archived original with this SOP Instance UID (root-joined) and its SHA-256.
    public var archivedPath: String
    public var archivedSHA256: String
    /// False when an earlier run had already kept these bytes.
    public var newlyKept: Bool
}

extension Archive {
    /// Whether `plan`'s instance is archived with its recipe from the same original bytes, every
    /// expected file indexed, present as a regular file (no link on the way) and matching its
    /// recorded size and SHA-256.
    public func isArchived(_ plan: ArchivePlan) throws(ArchiveError) -> Bool {
        let recorded = try read { db in try Self.recordedFiles(db, plan: plan) }
        guard let recorded, Self.original(of: recorded, plan: plan) == plan.originalSHA256 else { return false }
        return intact(recorded, expected: plan.expectedPaths)
    }

    /// The archived original holding `plan`'s SOP Instance UID with other bytes than `plan`'s, if any.
    public func conflictingOriginal(_ plan: ArchivePlan) throws(ArchiveError) -> (path: String, sha256: String)? {
        try read { db in try Self.archivedOriginal(db, plan: plan) }.flatMap { original in
            original.sha256 == plan.originalSHA256 ? nil : (absolute(original.path), original.sha256)
        }
    }

    /// The recorded SHA-256 of the plan's original.
    static func original(of recorded: [RecordedFile], plan: ArchivePlan) -> String? {
        recorded.first { $0.role == .original && $0.path == plan.originalPath }?.sha256
    }

    /// Files `plan`'s instance from the original's bytes and the files staged for it (`stage`),
    /// inside one write transaction (other workers and runs wait for it):
    /// - when the archive holds the SOP Instance UID from other bytes, anywhere, the original is
    ///   kept apart as a conflict (`ArchivePlan.conflictPath`), the staged files are discarded and
    ///   nothing already archived is touched;
    /// - when the instance is archived with this recipe and intact, the staged files are discarded;
    /// - otherwise the original is written (unless present with the same bytes), each staged file is
    ///   renamed to its place (or discarded when identical bytes are there), and the instance and its
    ///   files are indexed, replacing an incomplete record of the same instance and recipe. Files of
    ///   the replaced record that the new one does not list, and no other record does, are removed
    ///   after the commit.
    ///
    /// Every file is written below the root without following links (`ArchiveFolder`). When anything
    /// fails the transaction rolls back, the staged files are discarded and the files this call
    /// created are removed, so the archive holds no file its index does not know. The temporary
    /// files of killed writers are removed from each folder the first time this `Archive` writes there.
    public func store(_ plan: ArchivePlan, original: [UInt8], staged: [StagedFile]) throws(ArchiveError)
        -> StoreResult
    {
        var created: [(ArchiveFolder, String)] = []
        var pending = staged
        do throws(ArchiveError) {
            let (result, stale) = try writeTransaction { db in
                try storeInTransaction(db, plan, original: original, staged: &pending, created: &created)
            }
            for path in stale { removeFile(path) }
            return result
        } catch {
            for (folder, name) in created { folder.remove(name) }
            discard(pending)
            throw error
        }
    }

    /// Stages the given files (all but the original) and stores them: `store(_:original:staged:)`
    /// for callers that hold every file's bytes.
    public func store(_ plan: ArchivePlan, files: [ArchiveFile]) throws(ArchiveError) -> StoreResult {
        let original = files.first { $0.role == .original }?.bytes ?? []
        return try store(plan, original: original, staged: try stage(files.filter { $0.role != .original }))
    }

    private func storeInTransaction(
        _ db: Database, _ plan: ArchivePlan, original: [UInt8], staged: inout [StagedFile],
        created: inout [(ArchiveFolder, String)]
    ) throws -> (StoreResult, [String]) {
        if let archived = try Self.archivedOriginal(db, plan: plan), archived.sha256 != plan.originalSHA256 {
            let conflict = try keepConflict(db, plan, original: original, archived: archived, created: &created)
            discard(staged)
            staged = []
            return (.conflict(conflict), [])
        }
        var replaced: [RecordedFile] = []
        if let recorded = try Self.recordedFiles(db, plan: plan) {
            if intact(recorded, expected: plan.expectedPaths) {
                discard(staged)
                staged = []
                return (.alreadyArchived, [])
            }
            replaced = recorded
            try db.execute(
                sql: "DELETE FROM instances WHERE sop_instance_uid = ? AND recipe = ?",
                arguments: [plan.identity.sopInstanceUID, plan.recipe])
        }
        var records = [
            (
                try place(
                    original, digest: plan.originalSHA256, at: plan.originalPath, role: .original, created: &created),
                plan.identity.sopInstanceUID
            )
        ]
        var folders: [String: ArchiveFolder] = [:]
        while !staged.isEmpty {
            let file = staged.removeFirst()
            let folder = try folders[file.folder] ?? openFolder(file.folder, create: true)
            folders[file.folder] = folder
            if folder.holds(file.name, size: file.size, sha256: file.sha256) {
                folder.remove(file.temporaryName)
            } else {
                let existed = folder.contains(file.name)
                try folder.commit(file.temporaryName, as: file.name)
                if !existed { created.append((folder, file.name)) }
            }
            records.append(
                (
                    RecordedFile(role: file.role, path: file.path, size: file.size, sha256: file.sha256),
                    file.sopInstanceUID
                ))
        }
        for folder in folders.values { folder.sync() }
        try insertInstance(db, plan, records: records)
        let kept = Set(records.map(\.0.path))
        var stale: [String] = []
        for file in replaced where file.role != .original && !kept.contains(file.path) {
            let others = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files WHERE path = ?", arguments: [file.path])
            if others == 0 { stale.append(file.path) }
        }
        return (.archived(records.map { absolute($0.0.path) }, sha256: records.map(\.0.sha256)), stale)
    }

    /// Writes `bytes`, whose SHA-256 is `digest`, as the archive file `path` unless identical bytes
    /// are there; returns its record.
    func place(
        _ bytes: [UInt8], digest: String, at path: String, role: FileRole, created: inout [(ArchiveFolder, String)]
    ) throws(ArchiveError) -> RecordedFile {
        assert(SHA256Digest.hex(bytes) == digest, "the digest given for \(path) is not its bytes'")
        let (folderPath, name) = Self.split(path)
        let folder = try openFolder(folderPath, create: true)
        let record = RecordedFile(role: role, path: path, size: Int64(bytes.count), sha256: digest)
        if folder.holds(name, size: record.size, sha256: digest) { return record }
        let existed = folder.contains(name)
        try folder.write(bytes, as: name)
        if !existed { created.append((folder, name)) }
        return record
    }

    /// True when every expected path is recorded and every recorded file is present and intact.
    func intact(_ recorded: [RecordedFile], expected: Set<String>) -> Bool {
        guard expected.isSubset(of: Set(recorded.map(\.path))) else { return false }
        var folders: [String: ArchiveFolder] = [:]
        return recorded.allSatisfy { file in
            let (folderPath, name) = Self.split(file.path)
            guard let folder = folders[folderPath] ?? (try? openFolder(folderPath, create: false)) else { return false }
            folders[folderPath] = folder
            return folder.holds(name, size: file.size, sha256: file.sha256)
        }
    }
}
