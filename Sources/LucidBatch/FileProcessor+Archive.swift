import Foundation
import LucidArchive
import LucidDICOM
import LucidImaging

extension FileProcessor {
    /// Files a DICOM image into the archive folder and pushes it to the PACS (either or both).
    ///
    /// Skipped, before any pixel is processed, when its instance is already archived from the same
    /// bytes with the same recipe and intact files (then pushed from the archive's files when the
    /// PACS lacks them, and rendered under `--out` when its renditions are not there) or, without a
    /// folder, when the PACS holds the original and every derived instance already. A file that
    /// claims the SOP Instance UID of an archived original with other bytes is a conflict: kept apart
    /// by the archive, never processed, and reported as failed. Otherwise each frame is processed in
    /// turn, its renditions mirrored under `--out`, and its derived DICOM and renditions staged in
    /// the archive (written to temporary names, so only one frame is held in memory); the original is
    /// staged beside them and the whole handed back as `store`, which `commit` files and indexes
    /// with the rest of its group, and then pushes. An image whose SOP
    /// Instance UID is empty or not conformant is filed under its archive key (`ArchiveKey`), and
    /// the outcome gets the identity's note; its status is not changed by it.
    ///
    /// In a batch (`turn`), nothing is decided before every file started earlier that holds the same
    /// SOP Instance UID is done with the archive: the first in walk order is archived, whatever the
    /// workers' timing, and a later one with other bytes is a conflict naming it.
    func archiveDICOM(
        _ image: DICOMImage, bytes: [UInt8], path: String, turn: ArchiveTurns.Turn? = nil,
        outcome: inout FileOutcome, uploads: inout [PACSUpload], store: inout PendingStore?
    ) async throws(FileError) {
        let (steps, preset) = recipe(forDataSet: image.dataSet)
        outcome.steps = steps.description
        outcome.preset = preset
        let frameNumbers = try frames(of: image, path: path)
        let originalSHA256 = SHA256Digest.hex(bytes)
        let identity = InstanceIdentity(dataSet: image.dataSet, fileSHA256: originalSHA256)
        if settings.archive != nil, let note = identity.uidNote { outcome.notes.append(note) }
        if let turn, settings.archive != nil {
            turn.claim(identity.sopInstanceUID)
            await turn.wait(for: identity.sopInstanceUID)
        }
        var plan = ArchivePlan(
            identity: identity, recipe: steps.description, frames: frameNumbers,
            renditionFrames: renditionFrames(of: frameNumbers), renditionSuffixes: settings.formats.map(\.suffix),
            sourcePath: path, originalSHA256: originalSHA256, derivesPixels: Self.derivesPixels(image))
        if let archive = settings.archive {
            if try Self.archiveCall(path, { () throws(ArchiveError) in try archive.isArchived(plan) }) {
                outcome.skip(.alreadyArchived)
                try mirrorArchived(image, plan: plan, path: path, steps: steps, preset: preset, outcome: &outcome)
                outcome.flags = []  // looked at when it was filed: its flags are in the index
                pushArchived(plan, uploads: &uploads)
                return
            }
            let conflict = try Self.archiveCall(path) { () throws(ArchiveError) in try archive.conflictingOriginal(plan)
            }
            if conflict != nil {
                store = try Self.archiveCall(path) { () throws(ArchiveError) in
                    try archive.stagePending(plan, original: bytes, staged: [])
                }
                return
            }
        }
        guard let archive = settings.archive else {
            if try await pacsHoldsEverything(of: plan, path: path, outcome: &outcome) { return }
            // Without an archive folder, every frame's derived DICOM is held for the push.
            var files = [
                ArchiveFile(
                    role: .original, path: plan.originalPath, bytes: bytes, sha256: plan.originalSHA256,
                    sopInstanceUID: plan.identity.sopInstanceUID)
            ]
            try processFrames(image, path: path, plan: plan, steps: steps, preset: preset, outcome: &outcome) {
                product throws(FileError) in
                if let derived = try derivedContent(image, product: product, plan: plan, preset: preset) {
                    files.append(ArchiveFile(derived))
                }
            }
            outcome.flags = firstLookFlags(image: image, pixelFlags: outcome.flags)
            pushProduced(files, plan: plan, path: path, uploads: &uploads)
            return
        }
        // The original goes to disk while the frames are processed and staged.
        let (frozenPlan, before) = (plan, outcome)
        let (original, frames) = archive.stagingOriginal(plan, original: bytes) { () -> StagedFrames in
            var staged = StagedFrames(outcome: before)
            do throws(FileError) {
                try processFrames(
                    image, path: path, plan: frozenPlan, steps: steps, preset: preset, outcome: &staged.outcome
                ) { product throws(FileError) in
                    let contents = try frameContents(image, product: product, plan: frozenPlan, preset: preset)
                    staged.files += try Self.archiveCall(path) { () throws(ArchiveError) in
                        try archive.stage(contents: contents, flush: false)
                    }
                }
            } catch {
                staged.error = error
            }
            return staged
        }
        outcome = frames.outcome
        let stagedOriginal: StagedFile
        do throws(FileError) {
            if let error = frames.error { throw error }
            stagedOriginal = try Self.archiveCall(path) { () throws(ArchiveError) in try original.get() }
        } catch {
            archive.discard(frames.files + ((try? original.get()).map { [$0] } ?? []))
            throw error
        }
        outcome.flags = firstLookFlags(image: image, pixelFlags: outcome.flags)
        plan.flags = FirstLook.jsonArray(outcome.flags)
        store = archive.pending(plan, original: stagedOriginal, staged: frames.files)
    }

    /// What processing an image's frames for the archive left: the outcome so far, the files
    /// staged, and the error that stopped it, if one did.
    struct StagedFrames: Sendable {
        var outcome: FileOutcome
        var files: [StagedFile] = []
        var error: FileError?
    }

    /// Whether processed frames of `image` get a derived DICOM: grayscale images of at most 16 bits
    /// allocated. Colour images are rendered as they are; wider and float data are processed and
    /// rendered through a 16-bit quantisation that a derived image of the source's own pixel format
    /// could not hold exactly, so neither gets one.
    static func derivesPixels(_ image: DICOMImage) -> Bool {
        image.pixel.isGrayscale && !image.pixel.isFloat && image.pixel.bitsAllocated <= 16
    }

    /// Applies what the archive did to the outcome, and pushes what it filed.
    func report(
        _ result: StoreResult, plan: ArchivePlan, outcome: inout FileOutcome, uploads: inout [PACSUpload]
    ) throws(FileError) {
        switch result {
        case .archived(let paths, let digests):
            outcome.outputs += paths
            for (stored, digest) in zip(paths, digests) { outcome.sha256[stored] = digest }
            pushArchived(plan, uploads: &uploads)
        case .alreadyArchived:
            outcome.skip(.alreadyArchived)
            pushArchived(plan, uploads: &uploads)
        case .conflict(let conflict):
            outcome.outputs.append(conflict.keptAs)
            outcome.sha256[conflict.keptAs] = conflict.sha256
            let source = try? settings.archive?.originalSource(sopInstanceUID: conflict.sopInstanceUID)
            throw .conflict(path: plan.sourcePath, conflict, archivedFrom: source)
        }
    }

    /// Runs an archive call, naming the input in its error.
    static func archiveCall<T>(_ path: String, _ body: () throws(ArchiveError) -> T) throws(FileError) -> T {
        do throws(ArchiveError) {
            return try body()
        } catch {
            throw .archive(path: path, error)
        }
    }

    /// The reason reported for an instance archived before with the same recipe.
    public static let alreadyArchived = SkipReason.alreadyArchived.text
}
