import Foundation
import LucidArchive
import LucidDICOM
import LucidFiles
import LucidImaging
import LucidRendering

extension FileProcessor {
    /// The frames that get renditions: all of `frames` up to `settings.renditionFrameLimit` (frames
    /// 1...N of a longer file), every one when the limit is nil or `--frame` chose one.
    func renditionFrames(of frames: [Int]) -> [Int] {
        guard let limit = settings.renditionFrameLimit, settings.frame == nil else { return frames }
        return Array(frames.prefix(limit))
    }

    /// Fails the file when the run was interrupted (Ctrl-C, SIGTERM) before `frame`, unless it is
    /// the file's first frame: a single-frame image in progress is finished, a long multi-frame one
    /// stops between frames, and nothing of it is filed.
    func checkInterruption(path: String, frame: Int, of frames: [Int]) throws(FileError) {
        guard frame != frames.first, settings.cancellation.isCancelled else { return }
        throw .interrupted(path: path, .beforeFrame(frame, of: frames.count))
    }

    /// Runs the recipe over each of `plan`'s frames in turn (renditions for its rendition frames,
    /// mirrored under `--out`), stopping between frames when the run is interrupted, and hands each
    /// frame's product to `body`, so that only one frame is held at a time. `path` is the input as
    /// found (a `FileSystemName` string, mirrored under `--out` with its bytes), not the plan's
    /// displayed `sourcePath`.
    func processFrames(
        _ image: DICOMImage, path: String, plan: ArchivePlan, steps: StepsSpec, preset: String?,
        outcome: inout FileOutcome, _ body: (FrameProduct) throws(FileError) -> Void
    ) throws(FileError) {
        for frame in plan.frames {
            try checkInterruption(path: path, frame: frame, of: plan.frames)
            try body(
                try renderAndMirror(
                    image, frame: frame, path: path, steps: steps, preset: preset,
                    renditions: plan.renditionFrames.contains(frame), outcome: &outcome))
        }
    }

    /// The derived DICOM (when the frame's pixels were processed) and the renditions of one
    /// processed frame, as archive contents (hashed when staged); renditions of a frame without one
    /// depict the original.
    func frameContents(_ image: DICOMImage, product: FrameProduct, plan: ArchivePlan, preset: String?)
        throws(FileError) -> [ArchiveContent]
    {
        let derived = try derivedContent(image, product: product, plan: plan, preset: preset)
        let depicted = derived?.sopInstanceUID ?? plan.identity.sopInstanceUID
        return (derived.map { [$0] } ?? [])
            + product.encoded.map { format, encoded in
                ArchiveContent(
                    role: .rendition, path: plan.renditionPath(frame: product.frame, suffix: format.suffix),
                    bytes: encoded, sopInstanceUID: depicted)
            }
    }

    /// The derived DICOM of one processed frame, as archive content; nil for a frame whose pixels
    /// the recipe left as they are (a colour image).
    func derivedContent(_ image: DICOMImage, product: FrameProduct, plan: ArchivePlan, preset: String?)
        throws(FileError) -> ArchiveContent?
    {
        guard plan.derivesPixels, let filtered = product.filtered else { return nil }
        return ArchiveContent(
            role: .derived, path: plan.derivedPath(frame: product.frame),
            bytes: try derivedBytes(
                image, product: product, filtered: filtered, plan: plan, preset: preset, path: plan.sourcePath),
            sopInstanceUID: plan.derivedSOPInstanceUID(frame: product.frame))
    }

    /// For an image the archive holds already: its renditions under `--out` when given and not all
    /// there yet (a new `--out` folder for an archived batch).
    func mirrorArchived(
        _ image: DICOMImage, plan: ArchivePlan, path: String, steps: StepsSpec, preset: String?,
        outcome: inout FileOutcome
    ) throws(FileError) {
        guard settings.layout != nil else { return }
        let frameCount = image.pixel.numberOfFrames
        let missing = plan.renditionFrames.filter { frame in
            settings.formats.contains { format in
                guard let output = mirroredPath(of: path, frame: frameCount > 1 ? frame : nil, format: format)
                else { return false }
                return !FileManager.default.fileExists(atPath: output)
            }
        }
        for frame in missing {
            try checkInterruption(path: path, frame: frame, of: missing)
            _ = try renderAndMirror(
                image, frame: frame, path: path, steps: steps, preset: preset, renditions: true, outcome: &outcome)
        }
    }

    /// The derived DICOM of one processed frame: the filtered samples, the window actually used,
    /// the recipe in Derivation Description, and the plan's deterministic UIDs.
    private func derivedBytes(
        _ image: DICOMImage, product: FrameProduct, filtered: GrayImage<UInt16>, plan: ArchivePlan, preset: String?,
        path: String
    ) throws(FileError) -> [UInt8] {
        var derived = DerivedImage(
            source: image, frameIndex: product.frame - 1, processed: filtered, encoding: image.pixel.encoding,
            recipe: Self.derivationDescription(
                steps: plan.recipe, window: product.windowDescription, preset: preset),
            window: Self.window(of: product.voi), softwareVersion: LucidVersion.current,
            seriesInstanceUID: plan.derivedSeriesInstanceUID,
            sopInstanceUID: plan.derivedSOPInstanceUID(frame: product.frame))
        derived.seriesDescription = "Lucid " + (preset ?? plan.recipe)
        derived.transferSyntax = DerivedImage.losslessSyntax(for: image)
        derived.studyInstanceUIDWhenAbsent = DerivedUIDs.study(derivedSeriesUID: plan.derivedSeriesInstanceUID)
        if settings.deidentifier != nil {
            // The time of processing would date the export and make every run differ: the profile's dummy.
            derived.contentDate = Self.deidentifiedContentDate
            derived.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        }
        do throws(DICOMWriteError) {
            return try derived.encode()
        } catch {
            throw .derivedDICOM(path: path, frame: product.frame, error)
        }
    }

    /// Content and Instance Creation Date and Time of a derived image made with `--deidentify`:
    /// 1900-01-01 00:00:00 UTC, written `19000101` `000000` like the profile's dummy values (PS3.15 E.1.1 D).
    static let deidentifiedContentDate = Date(timeIntervalSince1970: -2_208_988_800)

    /// Derivation Description of a derived image (PS3.3 C.7.6.1): the steps, the window, the
    /// preset when one chose the steps, and the software, e.g. `steps median:3,window:auto; window
    /// centre 40 width 400 (LINEAR); preset ct-abdomen; Lucid 0.1.0`.
    static func derivationDescription(steps: String, window: String, preset: String?) -> String {
        var parts = ["steps \(steps)", window]
        if let preset { parts.append("preset \(preset)") }
        parts.append("Lucid \(LucidVersion.current)")
        return parts.joined(separator: "; ")
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
