import Foundation
import LucidArchive
import LucidDICOM
import LucidFiles
import LucidImaging
import LucidRendering

/// Processes one input of `lucid process`: recognise it, run the recipe on each frame once, window it
/// for each requested rendition, write every rendition atomically (temporary name, then rename)
/// under `--out` and, with `--archive`, file the image into the archive.
/// Never throws: every problem becomes a failed or skipped `FileOutcome` naming the file.
public struct FileProcessor: Sendable {
    public let settings: ProcessSettings

    public init(settings: ProcessSettings) {
        self.settings = settings
    }

    /// Processes the input at `path` completely: `prepare`, `commit`, then the PACS uploads it asks for.
    public func process(_ path: String) async -> FileOutcome {
        let prepared = await prepare(path)
        return await upload(commit([prepared]).first ?? prepared)
    }

    /// Everything but the PACS uploads: the input read, every frame processed, the renditions
    /// written, the image filed into the archive folder. The uploads this asks for are in the result,
    /// for `upload`; a batch runs them as a stage of their own, so a file waiting on the PACS does
    /// not hold a worker. `turn` is the file's place among the batch's files sharing its SOP Instance
    /// UID (see `ArchiveTurns`); it is done when this returns, or for a file to be filed into the
    /// archive, once `commit` has filed it. Every output is written to a temporary name and not
    /// flushed: nothing of the file is under a final name, indexed or reported before `commit`.
    package func prepare(_ path: String, turn: ArchiveTurns.Turn? = nil) async -> PreparedFile {
        let start = DispatchTime.now()
        var outcome = FileOutcome(path: path, status: .ok)
        var uploads: [PACSUpload] = []
        var store: PendingStore?
        defer { if store == nil { turn?.done() } }
        do throws(FileError) {
            switch try LoadedInput.load(path, limits: settings.limits, deidentifier: settings.deidentifier) {
            case .unsupported(let reason, let message):
                outcome.skip(reason, message)
            case .doseReport(let dataSet):
                turn?.done()
                readDoseReport(dataSet, outcome: &outcome)
            case .dicom(let image, let bytes):
                // De-identified, every stage names the instance by its pseudonymous UIDs, never by `path`.
                let name = settings.deidentifier == nil ? path : image.source
                try await claimDeidentified(name: name, bytes: bytes, path: path, turn: turn)
                if settings.capturesReport {
                    outcome.report = ReportCapture(identity: ReportIdentity(dataSet: image.dataSet))
                    captureDose(of: image, outcome: &outcome)
                }
                if settings.archive != nil || settings.pacs != nil {
                    try await archiveDICOM(
                        image, bytes: bytes, path: name, turn: turn, outcome: &outcome, uploads: &uploads,
                        store: &store)
                } else {
                    try processDICOM(image, path: name, outcome: &outcome)
                }
            case .png16(let samples, let bitsStored):
                turn?.done()  // a PNG claims no SOP Instance UID: later files need not wait for its rendering
                guard settings.layout != nil else {
                    outcome.skip(
                        .pngWithoutOut,
                        "not archived: a 16-bit PNG has no patient, study or series (add --out to render it)")
                    break
                }
                let (steps, preset) = recipe(forDataSet: nil)
                outcome.steps = steps.description
                outcome.preset = preset
                let frame = try renderFrame(
                    samples, encoding: StoredValueEncoding(bitsStored: bitsStored, isSigned: false),
                    display: DisplayAttributes(), path: path, frame: 1, frameCount: 1, steps: steps, preset: preset,
                    thumbnails: settings.capturesReport)
                if settings.capturesReport {
                    outcome.report = ReportCapture(identity: nil, thumbnails: frame.thumbnails)
                }
                look(
                    at: FrameLook(
                        samples: samples, encoding: StoredValueEncoding(bitsStored: bitsStored, isSigned: false),
                        padding: nil),
                    frame: 1, checksSaturation: false, outcome: &outcome)
                outcome.windows.append(AppliedWindow(frame))
                try writeMirrored(frame, path: path, frameCount: 1, outcome: &outcome)
            }
        } catch {
            if case .frameOutOfRange = error {
                outcome.skip(.noSuchFrame, error.description)
            } else {
                outcome.fail(error)
            }
        }
        if outcome.status != .ok { outcome.report?.thumbnails = nil }
        return PreparedFile(
            outcome: outcome, uploads: uploads, start: start, store: store, turn: store == nil ? nil : turn)
    }

    /// The steps to apply and, for presets, the preset's name (`auto: ct-lung` when chosen by `auto`).
    func recipe(forDataSet dataSet: DataSet?) -> (StepsSpec, String?) {
        switch settings.recipe {
        case .steps(let spec):
            return (spec, nil)
        case .preset(let preset):
            guard preset == .auto else { return (preset.steps ?? StepsSpec(steps: []), preset.name) }
            let chosen =
                dataSet.map { AutoPreset.choose(for: $0) } ?? AutoPreset.choose(modality: nil, bodyPart: nil)
            return (chosen.steps ?? StepsSpec(steps: []), "auto: \(chosen.name)")
        }
    }

    /// The frames to process, from 1: `--frame` or every frame. The pixel data is checked against
    /// the header and the limits first, so a header cannot make the list (or any frame) huge.
    /// - Throws: `FileError.frameOutOfRange` when the file lacks the `--frame` asked for; `prepare`
    ///   reports it as skipped (`noSuchFrame`): in a batch, `--frame 2` picks the second frame of
    ///   the multi-frame files, and a single-frame file has nothing to give.
    func frames(of image: DICOMImage, path: String) throws(FileError) -> [Int] {
        do throws(DICOMError) {
            try image.checkPixelData()
        } catch {
            throw .dicom(path: path, error)
        }
        let frameCount = image.pixel.numberOfFrames
        guard let frame = settings.frame else { return Array(1...max(1, frameCount)) }
        guard frame <= frameCount else {
            throw .frameOutOfRange(path: path, frame: frame, frameCount: frameCount)
        }
        return [frame]
    }

    private func processDICOM(_ image: DICOMImage, path: String, outcome: inout FileOutcome) throws(FileError) {
        let (steps, preset) = recipe(forDataSet: image.dataSet)
        outcome.steps = steps.description
        outcome.preset = preset
        let frameNumbers = renditionFrames(of: try frames(of: image, path: path))
        for frame in frameNumbers {
            try checkInterruption(path: path, frame: frame, of: frameNumbers)
            _ = try renderAndMirror(
                image, frame: frame, path: path, steps: steps, preset: preset, renditions: true, outcome: &outcome)
        }
        outcome.flags = firstLookFlags(image: image, pixelFlags: outcome.flags)
    }

    /// Decodes frame `frame` (1-based) of `image`, takes the first look at a grayscale one (its flags
    /// into `outcome`), and renders it; with `renditions`, encodes them,
    /// records the window it used in `outcome` and writes them below `--out` when one is set.
    func renderAndMirror(
        _ image: DICOMImage, frame: Int, path: String, steps: StepsSpec, preset: String?, renditions: Bool,
        outcome: inout FileOutcome
    ) throws(FileError) -> FrameProduct {
        let frameCount = image.pixel.numberOfFrames
        let product: FrameProduct
        if image.pixel.isGrayscale {
            let gray = try decode(image, frame: frame, path: path)
            look(at: gray, frame: frame, checksSaturation: Self.checksSaturation(image), outcome: &outcome)
            product = try renderFrame(
                gray.image, encoding: gray.encoding, display: gray.display, path: path, frame: frame,
                frameCount: frameCount, steps: steps, preset: preset, encode: renditions,
                keepsFiltered: Self.derivesPixels(image), thumbnails: wantsThumbnails(outcome, renditions: renditions))
        } else {
            product = try renderColorFrame(
                image, path: path, frame: frame, steps: steps, preset: preset, encode: renditions,
                thumbnails: wantsThumbnails(outcome, renditions: renditions))
            outcome.skippedSteps = product.skippedSteps
        }
        if let thumbnails = product.thumbnails { outcome.report?.thumbnails = thumbnails }
        guard renditions else { return product }
        outcome.windows.append(AppliedWindow(product))
        try writeMirrored(product, path: path, frameCount: frameCount, outcome: &outcome)
        return product
    }

    /// The grayscale samples of `frame` (from 1) of the input at `path`, with their encoding and
    /// display attributes.
    func decode(_ image: DICOMImage, frame: Int, path: String) throws(FileError) -> GrayFrame {
        do throws(DICOMError) {
            return try image.grayFrame(frame - 1)
        } catch {
            throw .dicom(path: path, error)
        }
    }

    /// The path of a rendition under `--out`, nil without it: the input's path mirrored, or with
    /// `--deidentify` the de-identified instance's name (`<Study UID>/<Series UID>/<SOP Instance
    /// UID>.dcm`, which `path` then is) below `--out`.
    func mirroredPath(of path: String, frame: Int?, format: RenditionFormat) -> String? {
        guard let layout = settings.layout else { return nil }
        if settings.deidentifier != nil { return layout.outputPath(stem: path, frame: frame, format: format) }
        return layout.outputPath(for: path, frame: frame, format: format)
    }

    /// Writes a frame's renditions under `--out`, when given, to temporary names (`outcome.unsettled`):
    /// `commit` flushes them and renames them into place.
    func writeMirrored(_ product: FrameProduct, path: String, frameCount: Int, outcome: inout FileOutcome)
        throws(FileError)
    {
        for (format, bytes) in product.encoded {
            guard let output = mirroredPath(of: path, frame: frameCount > 1 ? product.frame : nil, format: format)
            else { return }
            let folder = FileSystemPath.parent(FileSystemPath.absolute(output, base: FileSystemPath.currentDirectory))
            do throws(FileWriteError) {
                try FolderMaker.create(folder)
            } catch {
                throw .outputFolder(path: path, folder: folder, error)
            }
            do throws(FileWriteError) {
                outcome.unsettled.append(try AtomicFileWriter.writeUnsettled(bytes, to: output))
            } catch {
                throw .write(path: path, error)
            }
            outcome.outputs.append(output)
        }
    }
}
