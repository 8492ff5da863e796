import LucidArchive
import LucidFiles

extension FileProcessor {
    /// Makes a group of prepared files durable together, off the workers' threads (a batch's writer
    /// stage): the renditions written under `--out` are flushed, renamed into place and their folders
    /// flushed (`AtomicFileWriter.settle`), then the archive files of the group are flushed, renamed
    /// and indexed in one transaction (`Archive.commit`). Only then are the files' outcomes final:
    /// a file whose outputs could not be made durable fails, and nothing of it is indexed. Each
    /// file's archive turn is done once the archive has filed it. Returns the files in order.
    package func commit(_ group: [PreparedFile]) -> [PreparedFile] {
        var group = group
        let errors = AtomicFileWriter.settle(group.flatMap(\.outcome.unsettled))
        var cursor = 0
        for index in group.indices {
            let count = group[index].outcome.unsettled.count
            let failure = errors[cursor..<cursor + count].lazy.compactMap { $0 }.first
            cursor += count
            group[index].outcome.unsettled = []
            guard let failure else { continue }
            group[index].outcome.fail(.write(path: group[index].outcome.path, failure))
            if let store = group[index].store {
                settings.archive?.discard(store)
                group[index].store = nil
            }
        }
        if let archive = settings.archive {
            let filed = group.indices.compactMap { index in group[index].store.map { (index, $0) } }
            let results = archive.commit(filed.map(\.1))
            for ((index, store), result) in zip(filed, results) {
                apply(result, store: store, to: &group[index])
                group[index].store = nil
            }
        }
        for index in group.indices {
            group[index].turn?.done()
            group[index].turn = nil
        }
        return group
    }

    /// Applies what the archive's commit did for `store` to the file's outcome and uploads.
    private func apply(_ result: Result<StoreResult, ArchiveError>, store: PendingStore, to file: inout PreparedFile) {
        do throws(FileError) {
            switch result {
            case .success(let stored):
                try report(stored, plan: store.plan, outcome: &file.outcome, uploads: &file.uploads)
            case .failure(let error):
                throw .archive(path: file.outcome.path, error)
            }
        } catch {
            file.outcome.fail(error)
        }
        if file.outcome.status != .ok { file.outcome.report?.thumbnails = nil }
    }
}
