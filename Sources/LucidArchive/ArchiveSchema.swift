/// The tables of `index.sqlite` (schema version 1, in `PRAGMA user_version`).
///
/// - `patients`, `studies`, `series`: one row per folder of the archive tree, keyed by the folder's
///   path relative to the archive (`folder`), with the header values it was made from.
/// - `instances`: one row per source image and recipe (`sop_instance_uid`, `recipe` unique
///   together): the source path it came from, the derived series UID, the frame count and
///   `archived_at` (ISO 8601, UTC).
/// - `files`: every file of an instance: `role` (`original`, `derived` or `rendition`), `path`
///   relative to the archive, `size` in bytes, `sha256` (hex) and the SOP Instance UID the file
///   holds or depicts. The original is stored once per source image; each recipe's instance lists it.
enum ArchiveSchema {
    static let version = 1

    static let statements = """
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
}
