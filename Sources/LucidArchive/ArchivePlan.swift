import LucidFiles

/// Where one source image and its products go in the archive, known before any pixel is processed.
///
/// In the series folder `identity.folder`:
/// - `<SOPInstanceUID>.dcm`: the original, byte-identical;
/// - `<derived SOP Instance UID>.derived.dcm`: the derived DICOM of each frame processed, when the
///   recipe changes pixels (`derivesPixels`; a colour image is filed as it is, with renditions only);
/// - `<derived SOP Instance UID><suffix>`: its renditions (`.png`, `.16.png`, `.jpg`).
///
/// Renditions are named after the derived instance they show, so two recipes applied to the same
/// source never overwrite each other's files, while the original is stored once.
public struct ArchivePlan: Sendable {
    public let identity: InstanceIdentity
    /// The recipe that keys the instance (the steps, in `--steps` syntax).
    public let recipe: String
    /// The frames processed, from 1: each gets a derived DICOM.
    public let frames: [Int]
    /// The frames that also get renditions (a prefix of `frames` when a limit applies).
    public let renditionFrames: [Int]
    /// The rendition suffixes asked for, e.g. `[".png", ".jpg"]`.
    public let renditionSuffixes: [String]
    /// The input path as shown to people (`FileSystemName.displayed`: a name that is not UTF-8 as
    /// `latin\xe9.dcm`), recorded in the index.
    public let sourcePath: String
    /// The SHA-256 of the input file's bytes (lowercase hex): the original's identity.
    public let originalSHA256: String
    public let derivedSeriesInstanceUID: String
    /// Whether each processed frame gets a derived DICOM: true for grayscale images, whose recipe
    /// changes or windows the pixels; false for colour images, to which the grayscale steps do not
    /// apply (no derived instance is made of pixels left unchanged).
    public let derivesPixels: Bool
    /// The first look's flags of the image, a JSON array of `{"kind","severity","message", ...}`
    /// objects (`lucid process --json`'s `flags`), recorded in `instances.flags`; set once the frames
    /// are processed, `[]` when none.
    public var flags = "[]"

    public init(
        identity: InstanceIdentity, recipe: String, frames: [Int], renditionFrames: [Int]? = nil,
        renditionSuffixes: [String], sourcePath: String, originalSHA256: String, derivesPixels: Bool = true
    ) {
        self.derivesPixels = derivesPixels
        self.identity = identity
        self.recipe = recipe
        self.frames = frames
        self.renditionFrames = renditionFrames ?? frames
        self.renditionSuffixes = renditionSuffixes
        self.sourcePath = FileSystemName.displayed(sourcePath)
        self.originalSHA256 = originalSHA256
        self.derivedSeriesInstanceUID = DerivedUIDs.series(
            sourceSeriesUID: identity.seriesInstanceUID.isEmpty ? identity.sopInstanceUID : identity.seriesInstanceUID,
            recipe: recipe)
    }

    /// The SOP Instance UIDs of the DICOM instances filed for the plan: the original, then each
    /// frame's derived instance when the recipe derives pixels.
    public var instanceUIDs: [String] {
        [identity.sopInstanceUID] + (derivesPixels ? frames.map { derivedSOPInstanceUID(frame: $0) } : [])
    }

    /// `instanceUIDs` as a PACS knows them: the original's UID as its file states it ("" when it has
    /// none), then the derived instances'.
    public var statedInstanceUIDs: [String] {
        [identity.statedSOPInstanceUID] + instanceUIDs.dropFirst()
    }

    /// The archive paths of those instances, in the same order.
    public var instancePaths: [String] {
        [originalPath] + (derivesPixels ? frames.map { derivedPath(frame: $0) } : [])
    }

    /// The derived SOP Instance UID of `frame` (from 1).
    public func derivedSOPInstanceUID(frame: Int) -> String {
        DerivedUIDs.instance(
            sourceSOPInstanceUID: identity.sopInstanceUID, sourceSHA256: originalSHA256, recipe: recipe, frame: frame)
    }

    /// `<key>.dcm` in the series folder; the key (`ArchiveKey`) is always a safe file name.
    public var originalPath: String { identity.folder + "/" + identity.sopInstanceUID + ".dcm" }

    /// Where a file that claims an archived SOP Instance UID with other bytes is kept:
    /// `<SOPInstanceUID>.conflict-<first 16 hex digits of its SHA-256>.dcm` in its own series folder.
    public var conflictPath: String {
        identity.folder + "/" + identity.sopInstanceUID + ".conflict-" + originalSHA256.prefix(16) + ".dcm"
    }

    public func derivedPath(frame: Int) -> String {
        identity.folder + "/" + derivedSOPInstanceUID(frame: frame) + ".derived.dcm"
    }

    public func renditionPath(frame: Int, suffix: String) -> String {
        identity.folder + "/" + derivedSOPInstanceUID(frame: frame) + suffix
    }

    /// Every path the instance must have once archived.
    public var expectedPaths: Set<String> {
        var paths: Set<String> = [originalPath]
        for frame in frames where derivesPixels {
            paths.insert(derivedPath(frame: frame))
        }
        for frame in renditionFrames {
            for suffix in renditionSuffixes { paths.insert(renditionPath(frame: frame, suffix: suffix)) }
        }
        return paths
    }
}
