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

    /// Files `plan`'s instance from the original's bytes and the files staged for it (`stage`): the
    /// original is staged beside them and the whole filed by `commit` as a group of one, so the
    /// SHA-256 and the writes happen before the write transaction and only the decision, the renames
    /// and the rows inside it:
    /// - when the archive holds the SOP Instance UID from other bytes, anywhere, the original is
    ///   kept apart as a conflict (`ArchivePlan.conflictPath`), the staged files are discarded and
    ///   nothing already archived is touched;
    /// - when the instance is archived with this recipe and intact, the staged files are discarded;
    /// - otherwise each file is renamed to its place (or discarded when identical bytes are there),
    ///   and the instance and its files are indexed, replacing an incomplete record of the same
    ///   instance and recipe. Files of the replaced record that the new one does not list, and no
    ///   other record does, are removed after the commit.
    ///
    /// Every file is written below the root without following links (`ArchiveFolder`). When anything
    /// fails the transaction rolls back, the staged files are discarded and the files this call
    /// created are removed, so the archive holds no file its index does not know. The temporary
    /// files of killed writers are removed from each folder the first time this `Archive` writes there.
    public func store(_ plan: ArchivePlan, original: [UInt8], staged: [StagedFile]) throws(ArchiveError)
        -> StoreResult
    {
        let pending = try stagePending(plan, original: original, staged: staged)
        guard let result = commit([pending]).first else {
            throw .index(path: indexPath, reason: "the commit gave no result")
        }
        return try result.get()
    }

    /// Stages the given files (all but the original) and stores them: `store(_:original:staged:)`
    /// for callers that hold every file's bytes.
    public func store(_ plan: ArchivePlan, files: [ArchiveFile]) throws(ArchiveError) -> StoreResult {
        let original = files.first { $0.role == .original }?.bytes ?? []
        return try store(
            plan, original: original, staged: try stage(files.filter { $0.role != .original }, flush: false))
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
