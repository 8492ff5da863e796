import Foundation
import GRDB
import LucidFiles

extension Archive {
    /// Files a group of instances whose files workers staged without flushing (`stagePending`), the
    /// way a batch's writer does it, off the workers' threads:
    /// 1. every temporary file is flushed to disk (`fsync`), outside any transaction;
    /// 2. in ONE write transaction, each instance is decided as `store` decides it (a conflict with an
    ///    archived original, already archived and intact, or to be filed, replacing an incomplete
    ///    record), the final paths about to be renamed into are written to a journal
    ///    (`ArchiveJournal`, flushed), the files are renamed into place (an archived original is never
    ///    replaced), each folder renamed into is flushed once, and the instances' rows are written,
    ///    each in a savepoint of its own so that one failing instance does not undo the others;
    /// 3. the transaction commits and the journal is removed.
    ///
    /// Nothing is indexed before it is on disk. A kill before the renames leaves temporary files only
    /// (removed by the next write into their folders); a kill between the renames and the commit
    /// leaves complete files that the journal names (`lucid verify` counts them as leftovers) and that
    /// the next run over the same inputs indexes. Returns one result per store, in order; a failed
    /// store's temporary files and the files it created are removed.
    public func commit(_ stores: [PendingStore]) -> [Result<StoreResult, ArchiveError>] {
        var round = CommitRound(archive: self, stores: stores)
        round.flush()
        do throws(ArchiveError) {
            let stale = try writeTransaction { db in try round.run(db) }
            round.removeJournal()
            for path in stale { removeFile(path) }
        } catch {
            round.fail(with: error)
            round.removeJournal()
        }
        tidyJournals()
        return round.results
    }

    /// One decision of `commit`, made inside its transaction.
    enum CommitDecision {
        case conflict(archived: RecordedFile, known: Int)
        case alreadyArchived
        case store(replaced: [RecordedFile]?)
    }

    /// Decides what `commit` does with `store`, reading the index inside the transaction.
    func decide(_ db: Database, _ store: PendingStore) throws -> CommitDecision {
        let plan = store.plan
        if let archived = try Self.archivedOriginal(db, plan: plan), archived.sha256 != plan.originalSHA256 {
            let known = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM conflicts WHERE path = ? AND sha256 = ?",
                arguments: [plan.conflictPath, plan.originalSHA256])
            return .conflict(archived: archived, known: known ?? 0)
        }
        guard let recorded = try Self.recordedFiles(db, plan: plan) else { return .store(replaced: nil) }
        return intact(recorded, expected: plan.expectedPaths) ? .alreadyArchived : .store(replaced: recorded)
    }

    /// Writes the rows of a decided store whose files are in place; returns its result and the files
    /// of a replaced record to remove after the commit.
    func writeRows(_ db: Database, _ store: PendingStore, decision: CommitDecision) throws -> (StoreResult, [String]) {
        let plan = store.plan
        switch decision {
        case .alreadyArchived:
            return (.alreadyArchived, [])
        case .conflict(let archived, let known):
            let record = RecordedFile(
                role: .original, path: plan.conflictPath, size: store.original.size, sha256: store.original.sha256)
            return (.conflict(try recordConflict(db, plan, record: record, archived: archived, known: known)), [])
        case .store(let replaced):
            if replaced != nil {
                try db.execute(
                    sql: "DELETE FROM instances WHERE sop_instance_uid = ? AND recipe = ?",
                    arguments: [plan.identity.sopInstanceUID, plan.recipe])
            }
            let records = store.files.map { file in
                (
                    RecordedFile(role: file.role, path: file.path, size: file.size, sha256: file.sha256),
                    file.sopInstanceUID
                )
            }
            try insertInstance(db, plan, records: records)
            let kept = Set(records.map(\.0.path))
            var stale: [String] = []
            for file in replaced ?? [] where file.role != .original && !kept.contains(file.path) {
                let others = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM files WHERE path = ?", arguments: [file.path])
                if others == 0 { stale.append(file.path) }
            }
            return (.archived(records.map { absolute($0.0.path) }, sha256: records.map(\.0.sha256)), stale)
        }
    }

    /// Removes the journals of writers that are gone once every file they name is indexed or gone.
    /// The root is listed once per `Archive` (when it is opened for writing); the journals found are
    /// looked at again after every commit.
    func tidyJournals() {
        guard let rootFolder = try? ArchiveFolder.open(root: root, relative: "", create: false) else { return }
        let candidates = staleJournals.withLock { known -> [String] in
            if known == nil {
                known = (NoFollowCalls.names(in: rootFolder.descriptor) ?? []).map(FileSystemName.string)
                    .filter { ArchiveJournal.isJournal($0) && !AtomicFileWriter.writerIsAlive($0) }
            }
            return known ?? []
        }
        var settled: [String] = []
        for name in candidates {
            guard let paths = ArchiveJournal.paths(Array(name.utf8), in: rootFolder.descriptor) else { continue }
            let waiting = try? read { db in
                try paths.contains { path in
                    let indexed = try Bool.fetchOne(
                        db,
                        sql: """
                            SELECT EXISTS(SELECT 1 FROM files WHERE path = ?1)
                                OR EXISTS(SELECT 1 FROM conflicts WHERE path = ?1)
                            """,
                        arguments: [path])
                    guard indexed != true else { return false }
                    let (folder, file) = Self.split(path)
                    return (try? ArchiveFolder.open(root: root, relative: folder, create: false))?.contains(file)
                        ?? false
                }
            }
            if waiting == false {
                rootFolder.remove(name)
                settled.append(name)
            }
        }
        if !settled.isEmpty { staleJournals.withLock { $0?.removeAll { settled.contains($0) } } }
    }
}
