import LucidArchive
import LucidDICOM
import LucidImaging

extension FileProcessor {
    /// Files a DICOM image into the archive folder and pushes it to the PACS (either or both):
    /// skipped when its instance is already archived with the same recipe and intact files (then
    /// only pushed from the archive's files, when the PACS lacks them) or, without a folder, when
    /// the PACS holds the original and every derived instance already; otherwise every frame is
    /// processed once, the renditions are mirrored under `--out` (when given), the original, the
    /// derived DICOM of each frame and the renditions are stored and indexed in one transaction,
    /// and the original and derived DICOMs are pushed.
    func archiveDICOM(_ image: DICOMImage, bytes: [UInt8], path: String, outcome: inout FileOutcome)
        throws(FileFailure)
    {
        let (steps, preset) = recipe(forDataSet: image.dataSet)
        outcome.steps = steps.description
        outcome.preset = preset
        let frameNumbers = try frames(of: image, path: path)
        let originalSHA256 = SHA256Digest.hex(bytes)
        let plan: ArchivePlan
        do throws(ArchiveError) {
            plan = ArchivePlan(
                identity: try InstanceIdentity(dataSet: image.dataSet, source: path), recipe: steps.description,
                frames: frameNumbers, renditionSuffixes: settings.formats.map(\.suffix), sourcePath: path)
            if let archive = settings.archive, try archive.isArchived(plan, originalSHA256: originalSHA256) {
                outcome.status = .skipped
                outcome.error = Self.alreadyArchived
                pushArchived(plan, outcome: &outcome)
                return
            }
        } catch {
            throw FileFailure(Self.naming(path, error))
        }
        if settings.archive == nil, try pacsHoldsEverything(of: plan, path: path, outcome: &outcome) { return }
        var files = [
            ArchiveFile(
                role: .original, path: plan.originalPath, bytes: bytes, sha256: originalSHA256,
                sopInstanceUID: plan.identity.sopInstanceUID)
        ]
        for frame in plan.frames {
            let product = try renderAndMirror(
                image, frame: frame, path: path, steps: steps, preset: preset, outcome: &outcome)
            let derivedUID = plan.derivedSOPInstanceUID(frame: frame)
            files.append(
                ArchiveFile(
                    role: .derived, path: plan.derivedPath(frame: frame),
                    bytes: try derivedBytes(image, product: product, plan: plan, preset: preset, path: path),
                    sopInstanceUID: derivedUID))
            for (format, encoded) in product.encoded {
                files.append(
                    ArchiveFile(
                        role: .rendition, path: plan.renditionPath(frame: frame, suffix: format.suffix), bytes: encoded,
                        sopInstanceUID: derivedUID))
            }
        }
        guard let archive = settings.archive else {
            pushProduced(files, plan: plan, path: path, outcome: &outcome)
            return
        }
        do throws(ArchiveError) {
            switch try archive.store(plan, files: files) {
            case .archived(let paths):
                // The paths come in the order of `files`, each with the digest the archive recorded.
                for (file, stored) in zip(files, paths) { outcome.sha256[stored] = file.sha256 }
                outcome.outputs += paths
                pushProduced(files, plan: plan, path: path, outcome: &outcome)
            case .alreadyArchived(let sameOriginal):
                outcome.status = .skipped
                outcome.error =
                    sameOriginal
                    ? Self.alreadyArchived
                    : "\(Self.alreadyArchived): SOP Instance UID \(plan.identity.sopInstanceUID) was filed from "
                        + "another file with different bytes"
                pushArchived(plan, outcome: &outcome)
            }
        } catch {
            throw FileFailure(Self.naming(path, error))
        }
    }

    /// An archive error as a file's failure: prefixed with the input's path unless it names it first.
    static func naming(_ path: String, _ error: ArchiveError) -> String {
        error.description.hasPrefix(path) ? error.description : "\(path): \(error.description)"
    }

    /// The reason reported for an instance archived before with the same recipe.
    public static let alreadyArchived = "already archived"

    /// The derived DICOM of one processed frame: the filtered samples, the window actually used,
    /// the recipe in Derivation Description, and the plan's deterministic UIDs.
    private func derivedBytes(
        _ image: DICOMImage, product: FrameProduct, plan: ArchivePlan, preset: String?, path: String
    ) throws(FileFailure) -> [UInt8] {
        var description = "Lucid \(LucidVersion.current): \(plan.recipe); \(product.windowDescription)"
        if let preset { description += "; preset \(preset)" }
        let derived = DerivedImage(
            source: image, frameIndex: product.frame - 1, processed: product.filtered, encoding: image.pixel.encoding,
            recipe: String(decoding: Array(description.utf8.prefix(1024)), as: UTF8.self),
            window: Self.window(of: product.voi), softwareVersion: LucidVersion.current,
            seriesInstanceUID: plan.derivedSeriesInstanceUID,
            sopInstanceUID: plan.derivedSOPInstanceUID(frame: product.frame))
        do throws(DICOMWriteError) {
            return try derived.encode()
        } catch {
            throw FileFailure("\(path): cannot write the derived DICOM: \(error)")
        }
    }

    /// The window to record for a VOI: itself; a linear range as the LINEAR_EXACT window that maps
    /// it the same way (PS3.3 C.11.2.1.3.2); nil for a VOI LUT (the builder copies the sequence).
    static func window(of voi: VOITransform) -> Window? {
        switch voi {
        case .window(let window):
            return window
        case .lookupTable:
            return nil
        case .linearRange(let lower, let upper):
            return Window(
                center: (lower + upper) / 2, width: max(upper - lower, 1), function: .linearExact,
                explanation: "LUCID AUTO")
        }
    }
}
