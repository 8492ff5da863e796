import GRDB

/// The state of one `Archive.commit`: the stores, what was decided for each, the files each created
/// under a final name (removed when it fails), the journal, and the results.
struct CommitRound {
    /// A rename `commit` makes: the temporary file of store `item` into `destination` (relative).
    struct Move {
        var item: Int
        var file: StagedFile
        var destination: String
    }

    let archive: Archive
    let stores: [PendingStore]
    private var failures: [Int: ArchiveError] = [:]
    private var outcomes: [Int: StoreResult] = [:]
    private var created: [Int: [(ArchiveFolder, String)]] = [:]
    private var folders: [String: ArchiveFolder] = [:]
    private var journal: (ArchiveFolder, String)?

    init(archive: Archive, stores: [PendingStore]) {
        self.archive = archive
        self.stores = stores
    }

    /// One result per store, in order.
    var results: [Result<StoreResult, ArchiveError>] {
        stores.indices.map { index in
            if let failure = failures[index] { return .failure(failure) }
            if let outcome = outcomes[index] { return .success(outcome) }
            return .failure(.index(path: archive.indexPath, reason: "the commit gave no result"))
        }
    }

    /// The folder `relative`, opened (and created) once per round.
    private mutating func folder(_ relative: String) throws(ArchiveError) -> ArchiveFolder {
        if let opened = folders[relative] { return opened }
        let opened = try archive.openFolder(relative, create: true)
        folders[relative] = opened
        return opened
    }

    /// Flushes every store's temporary files; a store that fails is discarded.
    mutating func flush() {
        for (index, store) in stores.enumerated() {
            do throws(ArchiveError) {
                for file in store.files { try folder(file.folder).flush(file.temporaryName) }
            } catch {
                fail(index, error)
            }
        }
    }

    /// Marks store `index` failed: its temporary files and the files it created are removed.
    private mutating func fail(_ index: Int, _ error: ArchiveError) {
        guard failures[index] == nil else { return }
        failures[index] = error
        outcomes[index] = nil
        archive.discard(stores[index])
        for (folder, name) in created[index] ?? [] { folder.remove(name) }
        created[index] = nil
    }

    /// Fails every store not failed yet (the transaction did not commit).
    mutating func fail(with error: ArchiveError) {
        for index in stores.indices { fail(index, error) }
    }

    /// Decides, renames, flushes the folders and writes the rows, inside the transaction; returns
    /// the files of replaced records to remove after the commit.
    mutating func run(_ db: Database) throws -> [String] {
        var decisions: [Int: Archive.CommitDecision] = [:]
        var moves: [Move] = []
        for (index, store) in stores.enumerated() where failures[index] == nil {
            let decision = try archive.decide(db, store)
            decisions[index] = decision
            do throws(ArchiveError) {
                switch decision {
                case .alreadyArchived:
                    archive.discard(store)
                case .conflict:
                    archive.discard(store.staged)
                    moves += try placed(index, file: store.original, at: store.plan.conflictPath)
                case .store:
                    for file in store.files { moves += try placed(index, file: file, at: file.path) }
                }
            } catch {
                fail(index, error)
            }
        }
        if !moves.isEmpty {
            let root = try ArchiveFolder.open(root: archive.root, relative: "", create: false)
            journal = (root, try ArchiveJournal.write(moves.map(\.destination), root: root))
        }
        var renamedInto: Set<String> = []
        for move in moves where failures[move.item] == nil {
            do throws(ArchiveError) {
                let (folderPath, name) = Archive.split(move.destination)
                let target = try folder(folderPath)
                let existed = target.contains(name)
                try folder(move.file.folder).move(move.file.temporaryName, to: target, as: name)
                if !existed { created[move.item, default: []].append((target, name)) }
                renamedInto.insert(folderPath)
            } catch {
                fail(move.item, error)
            }
        }
        for path in renamedInto { folders[path]?.sync() }
        var stale: [String] = []
        for (index, store) in stores.enumerated() where failures[index] == nil {
            guard let decision = decisions[index] else { continue }
            do {
                var written: (StoreResult, [String])?
                try db.inSavepoint {
                    written = try archive.writeRows(db, store, decision: decision)
                    return .commit
                }
                if let written {
                    outcomes[index] = written.0
                    stale += written.1
                }
            } catch {
                fail(index, .index(path: archive.indexPath, reason: "\(error)"))
            }
        }
        return stale
    }

    /// The move of `file` to `destination`, or none when identical bytes are there already (the
    /// temporary file is then removed).
    private mutating func placed(_ index: Int, file: StagedFile, at destination: String) throws(ArchiveError)
        -> [Move]
    {
        let (folderPath, name) = Archive.split(destination)
        if try folder(folderPath).holds(name, size: file.size, sha256: file.sha256) {
            try folder(file.folder).remove(file.temporaryName)
            return []
        }
        return [Move(item: index, file: file, destination: destination)]
    }

    /// Removes the journal once the transaction is over; best effort.
    mutating func removeJournal() {
        guard let (root, name) = journal else { return }
        root.remove(name)
        journal = nil
    }
}
