/// One instance's files written by a worker to temporary names in their final folders, not yet
/// flushed (`Archive.stagePending`), waiting for a batch's writer to file a group of them together
/// (`Archive.commit`).
public struct PendingStore: Sendable {
    public var plan: ArchivePlan
    /// The original's bytes, staged beside `plan.originalPath`.
    public var original: StagedFile
    /// The derived files and renditions; empty for an original that conflicts with an archived one.
    public var staged: [StagedFile]

    /// Every temporary file, the original first.
    var files: [StagedFile] { [original] + staged }
}

extension Archive {
    /// Stages the original's bytes (whose SHA-256 is `plan.originalSHA256`) without flushing them, and
    /// returns them with the other files staged for `plan` (`stage(_:flush:)` with `flush` false),
    /// ready for `commit`. The staged files are removed when this fails.
    public func stagePending(_ plan: ArchivePlan, original: [UInt8], staged: [StagedFile])
        throws(ArchiveError) -> PendingStore
    {
        let file = ArchiveFile(
            role: .original, path: plan.originalPath, bytes: original, sha256: plan.originalSHA256,
            sopInstanceUID: plan.identity.sopInstanceUID)
        do throws(ArchiveError) {
            let stagedOriginal = try stage([file], flush: false)
            guard let first = stagedOriginal.first else {
                throw .unwritable(path: absolute(plan.originalPath), reason: "staging wrote nothing")
            }
            return PendingStore(plan: plan, original: first, staged: staged)
        } catch {
            discard(staged)
            throw error
        }
    }

    /// Removes the temporary files of a pending store that will not be committed; best effort.
    public func discard(_ store: PendingStore) { discard(store.files) }
}
