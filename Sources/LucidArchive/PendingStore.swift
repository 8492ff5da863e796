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
        do throws(ArchiveError) {
            return PendingStore(plan: plan, original: try stageOriginal(plan, original), staged: staged)
        } catch {
            discard(staged)
            throw error
        }
    }

    /// Stages the original's bytes as `stagePending` does, on a second thread while `work` runs on
    /// this one (processing the image's frames and staging their files): the original's write to
    /// disk then costs the worker no time. Returns the staged original, or why it could not be
    /// staged, and what `work` returned; with both in hand the caller makes the `PendingStore`
    /// (`pending(_:original:staged:)`) or discards what was staged.
    public func stagingOriginal<Work: Sendable>(
        _ plan: ArchivePlan, original: [UInt8], during work: () -> Work
    ) -> (original: Result<StagedFile, ArchiveError>, work: Work) {
        Self.concurrently({ [self] () throws(ArchiveError) in try stageOriginal(plan, original) }, work)
    }

    /// The original's bytes (whose SHA-256 is `plan.originalSHA256`) staged, not flushed.
    private func stageOriginal(_ plan: ArchivePlan, _ original: [UInt8]) throws(ArchiveError) -> StagedFile {
        let file = ArchiveFile(
            role: .original, path: plan.originalPath, bytes: original, sha256: plan.originalSHA256,
            sopInstanceUID: plan.identity.sopInstanceUID)
        guard let staged = try stage([file], flush: false).first else {
            throw .unwritable(path: absolute(plan.originalPath), reason: "staging wrote nothing")
        }
        return staged
    }

    /// The pending store of `plan` from its staged original and other staged files.
    public func pending(_ plan: ArchivePlan, original: StagedFile, staged: [StagedFile]) -> PendingStore {
        PendingStore(plan: plan, original: original, staged: staged)
    }

    /// Removes the temporary files of a pending store that will not be committed; best effort.
    public func discard(_ store: PendingStore) { discard(store.files) }
}
