import Foundation
import GRDB

extension Archive {
    /// The original indexed for `plan`'s SOP Instance UID, under any patient, study or series.
    static func archivedOriginal(_ db: Database, plan: ArchivePlan) throws -> RecordedFile? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT path, size, sha256 FROM files WHERE sop_instance_uid = ? AND role = 'original'
                ORDER BY id LIMIT 1
                """,
            arguments: [plan.identity.sopInstanceUID])
        return row.map { RecordedFile(role: .original, path: $0["path"], size: $0["size"], sha256: $0["sha256"]) }
    }

    /// Indexes the file kept as a conflict (`record`, under `plan.conflictPath`) in `conflicts` unless
    /// `known` says the index holds it already.
    func recordConflict(_ db: Database, _ plan: ArchivePlan, record: RecordedFile, archived: RecordedFile, known: Int)
        throws -> ArchiveConflict
    {
        if known == 0 {
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO conflicts (series, path, sop_instance_uid, size, sha256, source_path,
                        archived_path, found_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    try Self.seriesRow(db, identity: plan.identity), record.path, plan.identity.sopInstanceUID,
                    record.size, record.sha256, plan.sourcePath, archived.path, Self.timestamp(),
                ])
        }
        return ArchiveConflict(
            sopInstanceUID: plan.identity.sopInstanceUID, keptAs: absolute(record.path), sha256: record.sha256,
            archivedPath: absolute(archived.path), archivedSHA256: archived.sha256, newlyKept: known == 0)
    }

    /// Indexes `plan`'s instance with its flags and its files (each with the SOP Instance UID it holds
    /// or depicts).
    func insertInstance(_ db: Database, _ plan: ArchivePlan, records: [(RecordedFile, String)]) throws {
        let seriesID = try Self.seriesRow(db, identity: plan.identity)
        try db.execute(
            sql: """
                INSERT INTO instances (series, sop_instance_uid, recipe, derived_series_instance_uid, frames,
                    source_path, archived_at, stated_sop_instance_uid, uid_note, flags)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                seriesID, plan.identity.sopInstanceUID, plan.recipe, plan.derivedSeriesInstanceUID,
                plan.frames.count, plan.sourcePath, Self.timestamp(), plan.identity.statedSOPInstanceUID,
                plan.identity.uidNote, plan.flags,
            ])
        let instanceID = db.lastInsertedRowID
        for (record, uid) in records {
            try db.execute(
                sql: """
                    INSERT INTO files (instance, role, path, size, sha256, sop_instance_uid)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [instanceID, record.role.rawValue, record.path, record.size, record.sha256, uid])
        }
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

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
