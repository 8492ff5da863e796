import GRDB

extension Archive {
    /// The input the archived original holding SOP Instance UID `uid` was filed from, as the index
    /// records it (`instances.source_path`, names that are not UTF-8 shown as `\xe9`); nil when no
    /// original holds it. Read to name the first file when another one conflicts with it.
    public func originalSource(sopInstanceUID uid: String) throws(ArchiveError) -> String? {
        try read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT instances.source_path FROM files JOIN instances ON files.instance = instances.id
                    WHERE files.sop_instance_uid = ? AND files.role = 'original' ORDER BY files.id LIMIT 1
                    """,
                arguments: [uid])
        }
    }
}
