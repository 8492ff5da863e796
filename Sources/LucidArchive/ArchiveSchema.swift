import GRDB

/// The tables of `index.sqlite`, built by GRDB migrations; `PRAGMA user_version` holds the schema
/// version (5 since the first look's flags are recorded).
///
/// - `patients`, `studies`, `series`: one row per folder of the archive tree, keyed by the folder's
///   path relative to the archive (`folder`), with the header values it was made from.
/// - `instances`: one row per source image and recipe (`sop_instance_uid`, `recipe` unique
///   together): the source path it came from, the derived series UID, the frame count and
///   `archived_at` (ISO 8601, UTC).
/// - `files`: every file of an instance: `role` (`original`, `derived` or `rendition`), `path`
///   relative to the archive, `size` in bytes, `sha256` (hex) and the SOP Instance UID the file
///   holds or depicts. The original is stored once per source image; each recipe's instance lists it.
/// - `pacs_uploads` (version 2): per PACS and SOP Instance UID, whether and when a DICOM file of the
///   archive reached that PACS. `pacs` is the DICOMweb root without credentials; `confirmed_at`
///   (ISO 8601, UTC) is set once the PACS answered a QIDO-RS query with the instance, and is null
///   while it has not; `last_error` holds the reason of the last failed attempt.
/// - `conflicts` (version 3): files that claimed the SOP Instance UID of an archived original with
///   other bytes, kept apart byte for byte: `series` (the series row their own header names),
///   `path` (unique), `sop_instance_uid`, `size`, `sha256`, `source_path`, `archived_path` (the
///   original they conflict with) and `found_at` (ISO 8601, UTC).
/// - `instances.stated_sop_instance_uid` and `instances.uid_note` (version 4): the SOP Instance UID
///   (0008,0018) as the file states it ("" when absent), and what is odd about it when it is not
///   conformant (PS3.5 §9.1), in which case `sop_instance_uid` holds the archive key it was filed
///   under (`ArchiveKey`); `uid_note` is null for a conformant UID, both are null in rows written
///   before version 4.
/// - `instances.flags` (version 5): the first look's flags of the image (`lucid process`), a JSON
///   array of `{"kind","severity","message", ...details}` objects as the JSON lines give them, `[]`
///   when none; null in rows written before version 5 (the image was not looked at). A column
///   rather than a table of its own: the flags are read and written with their instance, never
///   queried apart, and their details differ by kind.
enum ArchiveSchema {
    static let version = 5

    /// Version 1, as the first archives were made. Every statement is idempotent, so an archive
    /// created before the migrations were recorded adopts them without change.
    static let version1 = """
        CREATE TABLE IF NOT EXISTS patients (
            id INTEGER PRIMARY KEY,
            folder TEXT NOT NULL UNIQUE,
            patient_id TEXT NOT NULL,
            patient_name TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS studies (
            id INTEGER PRIMARY KEY,
            patient INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
            folder TEXT NOT NULL UNIQUE,
            study_instance_uid TEXT NOT NULL,
            study_date TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS series (
            id INTEGER PRIMARY KEY,
            study INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
            folder TEXT NOT NULL UNIQUE,
            series_instance_uid TEXT NOT NULL,
            series_number TEXT NOT NULL,
            modality TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS instances (
            id INTEGER PRIMARY KEY,
            series INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
            sop_instance_uid TEXT NOT NULL,
            recipe TEXT NOT NULL,
            derived_series_instance_uid TEXT NOT NULL,
            frames INTEGER NOT NULL,
            source_path TEXT NOT NULL,
            archived_at TEXT NOT NULL,
            UNIQUE (sop_instance_uid, recipe)
        );
        CREATE TABLE IF NOT EXISTS files (
            id INTEGER PRIMARY KEY,
            instance INTEGER NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('original', 'derived', 'rendition')),
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            sop_instance_uid TEXT NOT NULL,
            UNIQUE (instance, path)
        );
        CREATE INDEX IF NOT EXISTS files_path ON files(path);
        PRAGMA user_version = 1;
        """

    /// Version 2: which instance reached which PACS, and when.
    static let version2 = """
        CREATE TABLE IF NOT EXISTS pacs_uploads (
            id INTEGER PRIMARY KEY,
            pacs TEXT NOT NULL,
            sop_instance_uid TEXT NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            confirmed_at TEXT,
            attempted_at TEXT NOT NULL,
            last_error TEXT,
            UNIQUE (pacs, sop_instance_uid)
        );
        CREATE INDEX IF NOT EXISTS files_sop_instance_uid ON files(sop_instance_uid);
        PRAGMA user_version = 2;
        """

    /// Version 3: files kept apart because their SOP Instance UID was archived from other bytes.
    static let version3 = """
        CREATE TABLE IF NOT EXISTS conflicts (
            id INTEGER PRIMARY KEY,
            series INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
            path TEXT NOT NULL UNIQUE,
            sop_instance_uid TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            source_path TEXT NOT NULL,
            archived_path TEXT NOT NULL,
            found_at TEXT NOT NULL
        );
        PRAGMA user_version = 3;
        """

    /// Version 4: the SOP Instance UID as stated and the note on an odd one. A column already there
    /// (an archive that adopted the migrations late) is left as it is.
    static func migrateToVersion4(_ db: Database) throws {
        let columns = Set(try db.columns(in: "instances").map(\.name))
        for column in ["stated_sop_instance_uid", "uid_note"] where !columns.contains(column) {
            try db.execute(sql: "ALTER TABLE instances ADD COLUMN \(column) TEXT")
        }
        try db.execute(sql: "PRAGMA user_version = 4")
    }

    /// Version 5: the first look's flags of each instance. A column already there is left as it is.
    static func migrateToVersion5(_ db: Database) throws {
        if !(try db.columns(in: "instances").contains { $0.name == "flags" }) {
            try db.execute(sql: "ALTER TABLE instances ADD COLUMN flags TEXT")
        }
        try db.execute(sql: "PRAGMA user_version = 5")
    }

    /// The migrations in order. Identifiers never change once released.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-archive", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: version1)
        }
        migrator.registerMigration("v2-pacs-uploads", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: version2)
        }
        migrator.registerMigration("v3-conflicts", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: version3)
        }
        migrator.registerMigration("v4-stated-uids", foreignKeyChecks: .immediate, migrate: migrateToVersion4)
        migrator.registerMigration("v5-flags", foreignKeyChecks: .immediate, migrate: migrateToVersion5)
        return migrator
    }
}
