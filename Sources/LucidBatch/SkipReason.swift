/// Why `lucid process` skipped a file: a stable category for scripts and summaries. The file's
/// `error` says more (`not DICOM (an 8-bit PNG; ...)`); `rawValue` is the key of `skippedBy` in the
/// JSON summary and the run manifest, and of `skipReason` in each file's JSON line.
public enum SkipReason: String, Sendable, CaseIterable {
    /// Neither DICOM nor a 16-bit grayscale PNG by its first bytes (text, 8-bit or colour PNG...).
    case notDICOM
    /// Not a regular file: a FIFO, device or socket, or a broken symbolic link met in a folder.
    case notRegularFile
    /// Archived before from the same bytes with the same recipe, its files intact.
    case alreadyArchived
    /// Without an archive folder: the PACS holds the original and every derived instance already.
    case alreadyInPACS
    /// A 16-bit PNG with `--archive` but no `--out`: it has no patient, study or series to file under.
    case pngWithoutOut
    /// `--frame N` and the file has fewer than N frames (a single-frame image in a batch of cine loops).
    case noSuchFrame
    /// A radiation dose report (RDSR): no image to process; its dose flags and figures are reported.
    case doseReport
    /// A DICOM object that holds no image: another structured report, a presentation state, a document.
    case notAnImage

    /// A few words for the summary line: `not DICOM`, `already archived`.
    public var text: String {
        switch self {
        case .notDICOM: return "not DICOM"
        case .notRegularFile: return "not a regular file"
        case .alreadyArchived: return "already archived"
        case .alreadyInPACS: return "already in the PACS"
        case .pngWithoutOut: return "16-bit PNG without --out"
        case .noSuchFrame: return "fewer frames than --frame"
        case .doseReport: return "dose report"
        case .notAnImage: return "not an image"
        }
    }

    /// Whether the file was not an image Lucid reads at all (as opposed to an image already done).
    public var isNotAnImage: Bool { self == .notDICOM || self == .notRegularFile }
}
