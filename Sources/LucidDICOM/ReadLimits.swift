/// Caps on what a file's header may make the reader allocate or do. A file beyond one is refused
/// with `DICOMError.tooLarge` (or `.nestingTooDeep` for sequence depth), naming the file, the tag
/// and the limit, instead of exhausting memory or the stack. Every limit is checked before the
/// memory it guards is allocated.
///
/// The defaults suit every image a clinical workstation handles; lower them on small machines or
/// for untrusted input. `lucid info`, `render` and `process` set `maximumImageBytes` with
/// `--max-image-memory`, `maximumFileBytes` with `--max-file-size`, `maximumFrames` with
/// `--max-frames` and `memoryBudget` from `--max-memory` (divided by `--jobs` in `process`); the
/// other limits are set through this type.
public struct ReadLimits: Sendable, Equatable {
    /// Largest file read into memory (also from standard input), bytes. Default 4 GiB.
    public var maximumFileBytes: Int
    /// Largest inflated Deflated Explicit VR Little Endian data set (PS3.5 A.5), bytes. Default 2 GiB.
    public var maximumInflatedBytes: Int
    /// Largest frame, in pixels (Rows x Columns). Default 2^28 (16384 x 16384).
    public var maximumFramePixels: Int
    /// Largest image the header may declare, bytes: Rows x Columns x Number of Frames x Samples per
    /// Pixel x Bits Allocated / 8 (PS3.3 C.7.6.3), rounded up to whole bytes per sample. It also
    /// bounds every decoder's sample buffer (native, RLE, JPEG, JPEG Lossless) and the 16-bit PNG
    /// inputs of `lucid process` (2 bytes a pixel). Default 2 GiB.
    public var maximumImageBytes: Int
    /// Most frames an image may declare in Number of Frames (0028,0008), PS3.3 C.7.6.6, checked
    /// before any frame is decoded or any per-frame output is planned. Default 20,000: the largest
    /// grayscale multi-frame objects in clinical use (enhanced CT and MR volumes and 4D series,
    /// cine ultrasound and XA runs, breast tomosynthesis) stay well below it.
    public var maximumFrames: Int
    /// Bytes one file may make Lucid hold at once: the file itself, its inflated data set and the
    /// working copies of its decoded frames (see `memoryNeeded`). Checked before the file is read,
    /// before it is inflated and before any frame is decoded. Default `Int.max` (no budget); the
    /// CLI sets it from `--max-memory` divided among the jobs running at once.
    public var memoryBudget: Int
    /// Whose working copies the memory budget counts: one frame's, or every frame's. Default
    /// `.oneAtATime`.
    public var frameRetention: FrameRetention
    /// Deepest sequence nesting (PS3.5 §7.5). Default 32.
    public var maximumSequenceDepth: Int
    /// Most data elements in one file, counting the elements of nested sequence items, the items
    /// themselves and the fragments of encapsulated Pixel Data. Default 1,000,000.
    public var maximumElementCount: Int

    public init(
        maximumFileBytes: Int = 4 << 30, maximumInflatedBytes: Int = 2 << 30,
        maximumFramePixels: Int = 1 << 28, maximumImageBytes: Int = 2 << 30, maximumFrames: Int = 20_000,
        memoryBudget: Int = .max, frameRetention: FrameRetention = .oneAtATime, maximumSequenceDepth: Int = 32,
        maximumElementCount: Int = 1_000_000
    ) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumInflatedBytes = maximumInflatedBytes
        self.maximumFramePixels = maximumFramePixels
        self.maximumImageBytes = maximumImageBytes
        self.maximumFrames = maximumFrames
        self.memoryBudget = memoryBudget
        self.frameRetention = frameRetention
        self.maximumSequenceDepth = maximumSequenceDepth
        self.maximumElementCount = maximumElementCount
    }

    public static let standard = ReadLimits()

    /// Which frames' samples a file's processing holds at once, for the memory budget.
    public enum FrameRetention: Sendable, Equatable {
        /// Frames are processed one after the other, each frame's copies released (or written to
        /// disk) before the next: `lucid info`, `render`, `process --out` and `--archive DIR`.
        case oneAtATime
        /// Besides the frame in progress, the derived samples of every frame are held until the
        /// image is done: `process` pushing to a PACS without an archive folder, which sends an
        /// image's derived instances together. One more copy a frame.
        case everyFrame
    }

    /// Copies of a decoded frame that processing holds at once, each of 2 bytes a sample (decoded
    /// samples are `UInt16` whatever Bits Allocated is): the stored samples, the filtered samples
    /// (what the derived DICOM stores), two for a filter's intermediates (the floating-point
    /// kernels hold 4 bytes a sample) and the rendition with its encoding. A 4096 x 4096 frame run
    /// through `denoise:bilateral | unsharp` into PNG, 16-bit PNG and JPEG peaks at about 4.7.
    public static let workingCopies = 5

    /// The bytes a file needs held at once, `fileBytes + inflatedBytes + 2 x frameSamples x
    /// (workingCopies + heldFrames)`, saturating at `Int.max` instead of overflowing.
    /// - Parameters:
    ///   - fileBytes: the file's size, bytes.
    ///   - inflatedBytes: the inflated data set's size for Deflated Explicit VR Little Endian, else 0.
    ///   - frameSamples: Rows x Columns x Samples per Pixel.
    ///   - heldFrames: frames whose derived samples are held besides the frame in progress: 0, or
    ///     Number of Frames for `.everyFrame`.
    public static func memoryNeeded(fileBytes: Int, inflatedBytes: Int, frameSamples: Int, heldFrames: Int = 0)
        -> Int
    {
        let (copies, copiesOverflow) = workingCopies.addingReportingOverflow(max(0, heldFrames))
        let (samples, samplesOverflow) = frameSamples.multipliedReportingOverflow(by: copies)
        let (bytes, bytesOverflow) = samples.multipliedReportingOverflow(by: 2)
        let (held, heldOverflow) = fileBytes.addingReportingOverflow(inflatedBytes)
        let (total, totalOverflow) = held.addingReportingOverflow(bytes)
        let overflow = copiesOverflow || samplesOverflow || bytesOverflow || heldOverflow || totalOverflow
        return overflow ? .max : total
    }
}
