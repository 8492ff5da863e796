import Foundation
import GRDB
import LucidCodecs

/// What `Archive.store` did.
public enum StoreResult: Sendable, Equatable {
    /// The files were written (or already present with the same bytes) and the instance indexed.
    case archived([String])
    /// The instance was already archived with this recipe and intact files; nothing was written.
    /// `sameOriginal` is false when the archived original's bytes differ from this input's (another
    /// file with the same SOP Instance UID was archived).
    case alreadyArchived(sameOriginal: Bool)
}

extension Archive {
    /// Whether `plan`'s instance is archived with its recipe, every expected file indexed, present,
    /// and matching its recorded size and SHA-256, from an original whose SHA-256 is `originalSHA256`.
    public func isArchived(_ plan: ArchivePlan, originalSHA256: String) throws(ArchiveError) -> Bool {
        let recorded = try read { db in try Self.recordedFiles(db, plan: plan) }
        guard let recorded, Self.original(of: recorded, plan: plan) == originalSHA256 else { return false }
        return try intact(recorded, expected: plan.expectedPaths)
    }

    /// The recorded SHA-256 of the plan's original.
    static func original(of recorded: [RecordedFile], plan: ArchivePlan) -> String? {
        recorded.first { $0.role == .original && $0.path == plan.originalPath }?.sha256
    }

    /// Files `plan`'s instance: inside one write transaction (other writers wait), checks again
    /// that it is not archived already, writes every file atomically (temporary name, flush, rename;
    /// a file already present with the same bytes is left untouched), then records the instance and
    /// its files, replacing an incomplete earlier record. The files are in place before the commit.
    ///
    /// When anything fails (a full disk, a read-only folder, the index), the transaction rolls back
    /// and the files this call created are removed again, so the archive holds no file its index
    /// does not know. Holding the write lock, it also removes the temporary files (`.NAME.tmp-*`)
    /// left in the folders it writes to by a writer that was killed: no other write can be in
    /// progress there. Each folder is swept the first time this `Archive` writes to it, so a large
    /// series folder is not listed again for every instance.
    public func store(_ plan: ArchivePlan, files: [ArchiveFile]) throws(ArchiveError) -> StoreResult {
        var created: [String] = []
        do throws(ArchiveError) {
            return try storeTransaction(plan, files: files, created: &created)
        } catch {
            for path in created { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }

    private func storeTransaction(_ plan: ArchivePlan, files: [ArchiveFile], created: inout [String])
        throws(ArchiveError) -> StoreResult
    {
        try writeTransaction { db -> StoreResult in
            if let recorded = try Self.recordedFiles(db, plan: plan) {
                if try intact(recorded, expected: plan.expectedPaths) {
                    let original = files.first { $0.role == .original }?.sha256
                    return .alreadyArchived(sameOriginal: Self.original(of: recorded, plan: plan) == original)
                }
                try db.execute(
                    sql: "DELETE FROM instances WHERE sop_instance_uid = ? AND recipe = ?",
                    arguments: [plan.identity.sopInstanceUID, plan.recipe])
            }
            let folders = Set(files.map { (absolute($0.path) as NSString).deletingLastPathComponent })
            let unswept = sweptFolders.withLock { swept in folders.subtracting(swept) }
            for folder in unswept.sorted() { Self.removeTemporaryFiles(in: folder) }
            sweptFolders.withLock { $0.formUnion(unswept) }
            var records: [(ArchiveFile, RecordedFile)] = []
            for file in files {
                records.append((file, try place(file, created: &created)))
            }
            let seriesID = try Self.seriesRow(db, identity: plan.identity)
            try db.execute(
                sql: """
                    INSERT INTO instances (series, sop_instance_uid, recipe, derived_series_instance_uid, frames,
                        source_path, archived_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    seriesID, plan.identity.sopInstanceUID, plan.recipe, plan.derivedSeriesInstanceUID,
                    plan.frames.count, plan.sourcePath, Self.timestamp(),
                ])
            let instanceID = db.lastInsertedRowID
            for (file, record) in records {
                try db.execute(
                    sql: """
                        INSERT INTO files (instance, role, path, size, sha256, sop_instance_uid)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        instanceID, record.role.rawValue, record.path, record.size, record.sha256, file.sopInstanceUID,
                    ])
            }
            return .archived(records.map { absolute($0.1.path) })
        }
    }

    /// Writes one file unless identical bytes are already there; returns its record. A file that
    /// was not there before is added to `created`.
    private func place(_ file: ArchiveFile, created: inout [String]) throws(ArchiveError) -> RecordedFile {
        let digest = file.sha256
        let record = RecordedFile(role: file.role, path: file.path, size: Int64(file.bytes.count), sha256: digest)
        let target = absolute(file.path)
        let existing = Self.fileSize(target)
        if let existing, existing == record.size, (try? SHA256Digest.hex(fileAt: target)) == digest {
            return record
        }
        let folder = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: folder, reason: error.localizedDescription)
        }
        do throws(FileWriteError) {
            try AtomicFileWriter.write(file.bytes, to: target)
        } catch {
            throw .unwritable(path: target, reason: error.description)
        }
        if existing == nil { created.append(target) }
        return record
    }

    /// Removes the temporary files of atomic writes (`AtomicFileWriter.isTemporaryFileName`) directly
    /// in `folder`. Called only under the write transaction, when none can belong to a live write.
    static func removeTemporaryFiles(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where AtomicFileWriter.isTemporaryFileName(name) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// True when every expected path is recorded and every recorded file is present and intact.
    private func intact(_ recorded: [RecordedFile], expected: Set<String>) throws(ArchiveError) -> Bool {
        guard expected.isSubset(of: Set(recorded.map(\.path))) else { return false }
        for file in recorded {
            let path = absolute(file.path)
            guard Self.fileSize(path) == file.size, (try? SHA256Digest.hex(fileAt: path)) == file.sha256 else {
                return false
            }
        }
        return true
    }

    /// The files recorded for `plan`'s instance and recipe, or nil when it is not indexed.
    static func recordedFiles(_ db: Database, plan: ArchivePlan) throws -> [RecordedFile]? {
        let instance = try Int64.fetchOne(
            db, sql: "SELECT id FROM instances WHERE sop_instance_uid = ? AND recipe = ?",
            arguments: [plan.identity.sopInstanceUID, plan.recipe])
        guard let instance else { return nil }
        let rows = try Row.fetchAll(
            db, sql: "SELECT role, path, size, sha256 FROM files WHERE instance = ?", arguments: [instance])
        return rows.map { row in
            RecordedFile(
                role: FileRole(rawValue: row["role"]) ?? .rendition, path: row["path"], size: row["size"],
                sha256: row["sha256"])
        }
    }

    /// The id of the series row for `identity`, inserting the patient, study and series rows as needed.
    static func seriesRow(_ db: Database, identity: InstanceIdentity) throws -> Int64 {
        let patientFolder = identity.patientFolder
        let studyFolder = patientFolder + "/" + identity.studyFolder
        try db.execute(
            sql: "INSERT OR IGNORE INTO patients (folder, patient_id, patient_name) VALUES (?, ?, ?)",
            arguments: [patientFolder, identity.patientID, identity.patientName])
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO studies (patient, folder, study_instance_uid, study_date)
                SELECT id, ?, ?, ? FROM patients WHERE folder = ?
                """,
            arguments: [studyFolder, identity.studyInstanceUID, identity.studyDate, patientFolder])
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO series (study, folder, series_instance_uid, series_number, modality)
                SELECT id, ?, ?, ?, ? FROM studies WHERE folder = ?
                """,
            arguments: [
                identity.folder, identity.seriesInstanceUID, identity.seriesNumber, identity.modality, studyFolder,
            ])
        guard
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM series WHERE folder = ?", arguments: [identity.folder])
        else {
            throw DatabaseError(message: "series row for \(identity.folder) missing after insert")
        }
        return id
    }

    static func fileSize(_ path: String) -> Int64? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = attributes[.size] as? NSNumber
        else { return nil }
        return size.int64Value
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
