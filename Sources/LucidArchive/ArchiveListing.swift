import GRDB

/// What an archive holds, patient by patient, for `lucid archive ls`.
public struct ArchiveListing: Sendable, Equatable {
    public struct Patient: Sendable, Equatable {
        public var patientID: String
        public var patientName: String
        public var folder: String
        public var studies: [Study]
    }

    public struct Study: Sendable, Equatable {
        public var studyInstanceUID: String
        public var studyDate: String
        public var folder: String
        public var series: [Series]
    }

    public struct Series: Sendable, Equatable {
        public var seriesInstanceUID: String
        public var seriesNumber: String
        public var modality: String
        public var folder: String
        public var instances: [Instance]
    }

    public struct Instance: Sendable, Equatable {
        public var sopInstanceUID: String
        public var recipe: String
        public var derivedSeriesInstanceUID: String
        public var frames: Int
        public var archivedAt: String
        public var files: Int
    }

    public var patients: [Patient]
}

extension Archive {
    /// Everything indexed, sorted by folder; only the patient whose Patient ID is `patientID` when given.
    public func listing(patientID: String? = nil) throws(ArchiveError) -> ArchiveListing {
        try read { db in
            let patientRows = try Row.fetchAll(
                db,
                sql: "SELECT id, folder, patient_id, patient_name FROM patients WHERE ?1 IS NULL OR patient_id = ?1"
                    + " ORDER BY folder",
                arguments: [patientID])
            return ArchiveListing(
                patients: try patientRows.map { row in
                    ArchiveListing.Patient(
                        patientID: row["patient_id"], patientName: row["patient_name"], folder: row["folder"],
                        studies: try studies(db, patient: row["id"]))
                })
        }
    }

    private func studies(_ db: Database, patient: Int64) throws -> [ArchiveListing.Study] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, folder, study_instance_uid, study_date FROM studies WHERE patient = ? ORDER BY folder",
            arguments: [patient])
        return try rows.map { row in
            ArchiveListing.Study(
                studyInstanceUID: row["study_instance_uid"], studyDate: row["study_date"], folder: row["folder"],
                series: try series(db, study: row["id"]))
        }
    }

    private func series(_ db: Database, study: Int64) throws -> [ArchiveListing.Series] {
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT id, folder, series_instance_uid, series_number, modality FROM series WHERE study = ?"
                + " ORDER BY folder",
            arguments: [study])
        return try rows.map { row in
            ArchiveListing.Series(
                seriesInstanceUID: row["series_instance_uid"], seriesNumber: row["series_number"],
                modality: row["modality"], folder: row["folder"], instances: try instances(db, series: row["id"]))
        }
    }

    private func instances(_ db: Database, series: Int64) throws -> [ArchiveListing.Instance] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT sop_instance_uid, recipe, derived_series_instance_uid, frames, archived_at,
                    (SELECT COUNT(*) FROM files WHERE files.instance = instances.id) AS file_count
                FROM instances WHERE series = ? ORDER BY sop_instance_uid, recipe
                """,
            arguments: [series])
        return rows.map { row in
            ArchiveListing.Instance(
                sopInstanceUID: row["sop_instance_uid"], recipe: row["recipe"],
                derivedSeriesInstanceUID: row["derived_series_instance_uid"], frames: row["frames"],
                archivedAt: row["archived_at"], files: row["file_count"])
        }
    }
}
