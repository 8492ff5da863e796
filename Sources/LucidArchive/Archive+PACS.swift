import GRDB

/// An original or derived DICOM file of the archive, with its state at one PACS.
public struct PushableFile: Sendable, Equatable {
    /// Relative to the archive root.
    public var path: String
    public var role: FileRole
    /// The SOP Instance UID the index records it under: for an original whose UID is not conformant,
    /// the archive key (`ArchiveKey`).
    public var sopInstanceUID: String
    /// The SOP Instance UID the file holds, as a PACS knows it ("" when the file has none); differs
    /// from `sopInstanceUID` only for an original filed under a stand-in key.
    public var statedSOPInstanceUID: String
    /// Bytes, as indexed.
    public var size: Int64
    /// SHA-256 as indexed, lowercase hex.
    public var sha256: String
    /// When the PACS was last seen holding the instance (ISO 8601, UTC); nil when it has not been.
    public var confirmedAt: String?

    /// - Parameter statedSOPInstanceUID: default `sopInstanceUID`.
    public init(
        path: String, role: FileRole, sopInstanceUID: String, size: Int64, sha256: String, confirmedAt: String? = nil,
        statedSOPInstanceUID: String? = nil
    ) {
        self.path = path
        self.role = role
        self.sopInstanceUID = sopInstanceUID
        self.statedSOPInstanceUID = statedSOPInstanceUID ?? sopInstanceUID
        self.size = size
        self.sha256 = sha256
        self.confirmedAt = confirmedAt
    }
}

/// What one attempt to bring an archived instance to a PACS found, for `Archive.recordPACSAttempts`.
public struct PACSAttempt: Sendable, Equatable {
    public var path: String
    public var sopInstanceUID: String
    public var sha256: String
    /// True when the PACS answered a QIDO-RS query with the instance (uploaded now or before).
    public var confirmed: Bool
    /// Why it did not reach the PACS; nil when confirmed.
    public var error: String?

    public init(path: String, sopInstanceUID: String, sha256: String, confirmed: Bool, error: String?) {
        self.path = path
        self.sopInstanceUID = sopInstanceUID
        self.sha256 = sha256
        self.confirmed = confirmed
        self.error = error
    }
}

extension Archive {
    /// Every original and derived DICOM file the index records (each SOP Instance once, the first
    /// path in order), sorted by path, with when it reached `pacs` and the UID the file states. Renditions are not DICOM and
    /// are never pushed. `paths`, when given, keeps only those archive-relative paths.
    public func pushableFiles(pacs: String, paths: [String]? = nil) throws(ArchiveError) -> [PushableFile] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT files.path, files.role, files.sop_instance_uid, files.size, files.sha256,
                        CASE WHEN files.role = 'original' THEN
                            (SELECT stated_sop_instance_uid FROM instances WHERE instances.id = files.instance)
                        END AS stated_sop_instance_uid,
                        (SELECT confirmed_at FROM pacs_uploads
                         WHERE pacs_uploads.pacs = ? AND pacs_uploads.sop_instance_uid = files.sop_instance_uid)
                        AS confirmed_at
                    FROM files WHERE files.role IN ('original', 'derived')
                    GROUP BY files.path ORDER BY files.path
                    """,
                arguments: [pacs])
        }
        let wanted = paths.map(Set.init)
        var seen: Set<String> = []
        var files: [PushableFile] = []
        for row in rows {
            let path: String = row["path"]
            if let wanted, !wanted.contains(path) { continue }
            let uid: String = row["sop_instance_uid"]
            guard seen.insert(uid).inserted else { continue }
            files.append(
                PushableFile(
                    path: path, role: FileRole(rawValue: row["role"]) ?? .original, sopInstanceUID: uid,
                    size: row["size"], sha256: row["sha256"], confirmedAt: row["confirmed_at"],
                    statedSOPInstanceUID: row["stated_sop_instance_uid"]))
        }
        return files
    }

    /// Records, in one transaction, what attempts to reach `pacs` found: a confirmed instance gets
    /// `confirmed_at` now; a failed one has `confirmed_at` cleared and its reason kept in `last_error`,
    /// so the index shows it as not yet pushed.
    public func recordPACSAttempts(pacs: String, _ attempts: [PACSAttempt]) throws(ArchiveError) {
        guard !attempts.isEmpty else { return }
        let now = Self.timestamp()
        try writeTransaction { db in
            for attempt in attempts {
                try db.execute(
                    sql: """
                        INSERT INTO pacs_uploads (pacs, sop_instance_uid, path, sha256, confirmed_at, attempted_at,
                            last_error)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (pacs, sop_instance_uid) DO UPDATE SET
                            path = excluded.path, sha256 = excluded.sha256, confirmed_at = excluded.confirmed_at,
                            attempted_at = excluded.attempted_at, last_error = excluded.last_error
                        """,
                    arguments: [
                        pacs, attempt.sopInstanceUID, attempt.path, attempt.sha256,
                        attempt.confirmed ? now : nil, now, attempt.confirmed ? nil : attempt.error,
                    ])
            }
        }
    }
}
