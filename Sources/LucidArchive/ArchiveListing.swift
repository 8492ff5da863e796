import Foundation
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
        /// Files kept apart because they claimed an archived SOP Instance UID with other bytes.
        public var conflicts: [Conflict] = []
    }

    /// A file of a series kept apart as a conflict (see `ArchiveConflict`).
    public struct Conflict: Sendable, Equatable {
        public var sopInstanceUID: String
        /// Where it is kept, relative to the archive.
        public var path: String
        /// The input it came from.
        public var sourcePath: String
        /// The archived original it conflicts with, relative to the archive.
        public var archivedPath: String
        /// When it was first kept (ISO 8601, UTC).
        public var foundAt: String
    }

    public struct Instance: Sendable, Equatable {
        /// The archive key (`InstanceIdentity.sopInstanceUID`).
        public var sopInstanceUID: String
        public var recipe: String
        public var derivedSeriesInstanceUID: String
        public var frames: Int
        public var archivedAt: String
        public var files: Int
        /// The SOP Instance UID as the file states it ("" when absent); nil in an index older than
        /// schema version 4.
        public var statedSOPInstanceUID: String? = nil
        /// What is odd about the stated UID; nil when it is conformant.
        public var uidNote: String? = nil
        /// The first look's flags, the JSON array text the index holds (`instances.flags`); nil in
        /// a row written before schema version 5.
        public var flags: String? = nil
    }

    public var patients: [Patient]
}

extension Archive {
    /// Everything indexed, sorted by folder; only the patient whose Patient ID is `patientID` when given.
    public func listing(patientID: String? = nil) throws(ArchiveError) -> ArchiveListing {
        try read { db in try ListingQuery.listing(db, patientID: patientID) }
    }

    /// Every file the index records (each path once), sorted by path.
    public func recordedFiles() throws(ArchiveError) -> [RecordedFile] {
        try read(ListingQuery.recordedFiles)
    }
}

extension ArchiveReader {
    /// Everything indexed, sorted by folder, from one snapshot; only the patient whose Patient ID is
    /// exactly `patientID` (the header value, not the folder name) when given.
    public func listing(patientID: String? = nil) throws(ArchiveError) -> ArchiveListing {
        try read { db in try ListingQuery.listing(db, patientID: patientID) }
    }

    /// Every file the index records (each path once), sorted by path.
    public func recordedFiles() throws(ArchiveError) -> [RecordedFile] {
        try read(ListingQuery.recordedFiles)
    }

    /// The number of images (instance rows, one per source image and recipe) the index records.
    public func imageCount() throws(ArchiveError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM instances") ?? 0 }
    }

    /// Whether the tree below the root holds any file besides the index, its companions, run
    /// manifests and temporaries (symbolic links are not followed); stops at the first.
    public func treeHoldsFiles() throws(ArchiveError) -> Bool {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: root, reason: NoFollowCalls.describe(errno)) }
        defer { close(descriptor) }
        return !ArchiveTree.scan(root: descriptor, firstFileOnly: true).files.isEmpty
    }
}

/// The listing's queries, for a writer's and a reader's connection alike.
enum ListingQuery {
    static func recordedFiles(_ db: Database) throws -> [RecordedFile] {
        try Row.fetchAll(db, sql: "SELECT role, path, size, sha256 FROM files GROUP BY path ORDER BY path").map {
            row in
            RecordedFile(
                role: FileRole(rawValue: row["role"]) ?? .rendition, path: row["path"], size: row["size"],
                sha256: row["sha256"])
        }
    }

    static func listing(_ db: Database, patientID: String?) throws -> ArchiveListing {
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

    private static func studies(_ db: Database, patient: Int64) throws -> [ArchiveListing.Study] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, folder, study_instance_uid, study_date FROM studies WHERE patient = ? ORDER BY folder",
            arguments: [patient])
        return try rows.map { row in
            ArchiveListing.Study(
                studyInstanceUID: row["study_instance_uid"], studyDate: row["study_date"], folder: row["folder"],
                series: try series(db, study: row["id"]))
        }
    }

    private static func series(_ db: Database, study: Int64) throws -> [ArchiveListing.Series] {
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT id, folder, series_instance_uid, series_number, modality FROM series WHERE study = ?"
                + " ORDER BY folder",
            arguments: [study])
        let hasConflicts = try db.tableExists("conflicts")
        return try rows.map { row in
            ArchiveListing.Series(
                seriesInstanceUID: row["series_instance_uid"], seriesNumber: row["series_number"],
                modality: row["modality"], folder: row["folder"], instances: try instances(db, series: row["id"]),
                conflicts: hasConflicts ? try conflicts(db, series: row["id"]) : [])
        }
    }

    private static func conflicts(_ db: Database, series: Int64) throws -> [ArchiveListing.Conflict] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT sop_instance_uid, path, source_path, archived_path, found_at FROM conflicts WHERE series = ?
                ORDER BY path
                """,
            arguments: [series]
        ).map { row in
            ArchiveListing.Conflict(
                sopInstanceUID: row["sop_instance_uid"], path: row["path"], sourcePath: row["source_path"],
                archivedPath: row["archived_path"], foundAt: row["found_at"])
        }
    }

    private static func instances(_ db: Database, series: Int64) throws -> [ArchiveListing.Instance] {
        let hasStatedUIDs = try db.columns(in: "instances").contains { $0.name == "uid_note" }
        let stated =
            hasStatedUIDs ? "stated_sop_instance_uid, uid_note" : "NULL AS stated_sop_instance_uid, NULL AS uid_note"
        let flags = try db.columns(in: "instances").contains { $0.name == "flags" } ? "flags" : "NULL AS flags"
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT sop_instance_uid, recipe, derived_series_instance_uid, frames, archived_at, \(stated), \(flags),
                    (SELECT COUNT(*) FROM files WHERE files.instance = instances.id) AS file_count
                FROM instances WHERE series = ? ORDER BY sop_instance_uid, recipe
                """,
            arguments: [series])
        return rows.map { row in
            ArchiveListing.Instance(
                sopInstanceUID: row["sop_instance_uid"], recipe: row["recipe"],
                derivedSeriesInstanceUID: row["derived_series_instance_uid"], frames: row["frames"],
                archivedAt: row["archived_at"], files: row["file_count"],
                statedSOPInstanceUID: row["stated_sop_instance_uid"], uidNote: row["uid_note"], flags: row["flags"])
        }
    }
}
