import LucidArchive
import LucidDICOM
import LucidDeidentify
import LucidDose
import LucidImaging
import LucidPACS
import LucidPNG
import LucidRendering

/// How `lucid process` treats every file: the recipe, the renditions and where they go.
public struct ProcessSettings: Sendable {
    /// The pipeline: explicit `--steps`, or a preset (`auto` chooses per file).
    public enum Recipe: Sendable, Equatable {
        case steps(StepsSpec)
        case preset(PipelinePreset)
    }

    public var recipe: Recipe
    /// Renditions written for each frame, in order; duplicates are ignored.
    public var formats: [RenditionFormat]
    /// JPEG quality, 1...100.
    public var quality: Int
    /// How PNG renditions are compressed (`--png-compression`): `.fast` by default.
    public var pngCompression: PNGCompression = .fast
    /// The diagnostic reference levels the `drl` flags compare with (`--drl FILE`): the built-in
    /// table by default (`DRLTable.builtIn`).
    public var referenceLevels: DRLTable = .builtIn
    /// Threads for the kernels inside one image.
    public var threads: Int
    /// The frame to render (from 1); nil renders every frame.
    public var frame: Int?
    /// Where renditions are mirrored (`--out`); nil when only archiving.
    public var layout: OutputLayout?
    /// The archive each DICOM image is filed into (`--archive DIR`); nil without one.
    public var archive: Archive?
    /// The PACS each DICOM image's original and derived instances are pushed to
    /// (`--archive dicomweb+http://…`); nil without one.
    public var pacs: PACSUploader?
    /// What one input may make Lucid read and allocate (`--max-image-memory` sets
    /// `maximumImageBytes`, which also caps 16-bit PNG inputs at 2 bytes a pixel; `memoryBudget` is
    /// one job's share of `--max-memory`). Pushing to a PACS without an archive folder holds every
    /// frame's derived DICOM until the image is sent, so then the budget counts a copy of every frame
    /// (`frameRetention` `.everyFrame`, unless only one `frame` is processed); an archive folder
    /// stages each frame to disk as it is done.
    public var limits: ReadLimits
    /// The most frames of one file that get renditions (frames 1...N; `--rendition-frames`); nil for
    /// every frame. The derived DICOMs cover every frame regardless. Default
    /// `defaultRenditionFrameLimit`.
    public var renditionFrameLimit: Int?
    /// Set when the run is interrupted; a multi-frame file stops between frames.
    public let cancellation: CancellationFlag
    /// With `--report`: each outcome gets its image's identity and the thumbnails of its first
    /// processed frame (`FileOutcome.report`). Default false, so a run without a report pays nothing.
    public var capturesReport = false
    /// With `--deidentify`: every DICOM input is de-identified right after it is read, and every
    /// later stage sees only the de-identified instance, named `<Study UID>/<Series UID>/<SOP
    /// Instance UID>.dcm` from its pseudonymous UIDs (see `LoadedInput.load`). Nil by default.
    public var deidentifier: Deidentifier?
    /// The de-identified instances written so far (`FileProcessor.claimDeidentified`).
    package let deidentifiedInstances = DeidentifiedInstances()

    /// 300 frames: a 10-second cine loop at 30 frames a second. Longer objects are volumes or long
    /// loops, whose every frame as a separate picture floods a folder (a hostile header could ask for
    /// millions); the archive's derived DICOMs keep every frame.
    public static let defaultRenditionFrameLimit = 300

    public init(
        recipe: Recipe, formats: [RenditionFormat] = [.png], quality: Int = 95, threads: Int = 1, frame: Int? = nil,
        layout: OutputLayout?, archive: Archive? = nil, pacs: PACSUploader? = nil, limits: ReadLimits = .standard,
        renditionFrameLimit: Int? = ProcessSettings.defaultRenditionFrameLimit,
        cancellation: CancellationFlag = CancellationFlag()
    ) {
        self.recipe = recipe
        var unique: [RenditionFormat] = []
        for format in formats where !unique.contains(format) { unique.append(format) }
        self.formats = unique.isEmpty ? [.png] : unique
        self.quality = quality
        self.threads = threads
        self.frame = frame
        self.layout = layout
        self.archive = archive
        self.pacs = pacs
        self.limits = limits
        self.renditionFrameLimit = renditionFrameLimit
        self.cancellation = cancellation
        if pacs != nil && archive == nil && frame == nil { self.limits.frameRetention = .everyFrame }
    }
}
