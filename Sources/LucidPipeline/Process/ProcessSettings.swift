import LucidArchive
import LucidDICOM
import LucidImaging

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
    /// one job's share of `--max-memory`). Filing into an archive or a PACS holds every frame's
    /// outputs until the image is filed, so then the budget counts every frame
    /// (`frameRetention` `.everyFrame`, unless only one `frame` is processed).
    public var limits: ReadLimits

    public init(
        recipe: Recipe, formats: [RenditionFormat] = [.png], quality: Int = 95, threads: Int = 1, frame: Int? = nil,
        layout: OutputLayout?, archive: Archive? = nil, pacs: PACSUploader? = nil, limits: ReadLimits = .standard
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
        if (archive != nil || pacs != nil) && frame == nil { self.limits.frameRetention = .everyFrame }
    }
}
