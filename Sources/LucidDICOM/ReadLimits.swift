/// Caps on what a file's header may make the reader allocate or do. A file beyond one is refused
/// with `DICOMError.tooLarge` (or `.nestingTooDeep` for sequence depth), naming the file, the tag
/// and the limit, instead of exhausting memory or the stack. Every limit is checked before the
/// memory it guards is allocated.
///
/// The defaults suit every image a clinical workstation handles; lower them on small machines or
/// for untrusted input. `lucid info`, `render` and `process` set `maximumImageBytes` with
/// `--max-image-memory` and `maximumFileBytes` with `--max-file-size`; the other limits are set
/// through this type.
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
    /// Deepest sequence nesting (PS3.5 §7.5). Default 32.
    public var maximumSequenceDepth: Int
    /// Most data elements in one file, counting the elements of nested sequence items, the items
    /// themselves and the fragments of encapsulated Pixel Data. Default 1,000,000.
    public var maximumElementCount: Int

    public init(
        maximumFileBytes: Int = 4 << 30, maximumInflatedBytes: Int = 2 << 30,
        maximumFramePixels: Int = 1 << 28, maximumImageBytes: Int = 2 << 30, maximumSequenceDepth: Int = 32,
        maximumElementCount: Int = 1_000_000
    ) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumInflatedBytes = maximumInflatedBytes
        self.maximumFramePixels = maximumFramePixels
        self.maximumImageBytes = maximumImageBytes
        self.maximumSequenceDepth = maximumSequenceDepth
        self.maximumElementCount = maximumElementCount
    }

    public static let standard = ReadLimits()
}

/// Which of the `ReadLimits` a file exceeded.
public enum ReadLimit: String, Sendable, Equatable, CaseIterable {
    case fileBytes, inflatedBytes, framePixels, imageBytes, elementCount

    /// What the limit measures, for messages.
    public var measure: String {
        switch self {
        case .fileBytes: return "file size in bytes"
        case .inflatedBytes: return "inflated data set size in bytes"
        case .framePixels: return "pixels in one frame (Rows x Columns)"
        case .imageBytes: return "declared image size in bytes (Rows x Columns x Frames x Samples x Bits Allocated / 8)"
        case .elementCount: return "number of data elements, items and fragments"
        }
    }

    /// How a user raises it, for messages.
    public var setting: String {
        switch self {
        case .imageBytes: return "ReadLimits.maximumImageBytes; in the CLI --max-image-memory SIZE"
        case .fileBytes: return "ReadLimits.maximumFileBytes; in the CLI --max-file-size SIZE"
        case .inflatedBytes: return "ReadLimits.maximumInflatedBytes"
        case .framePixels: return "ReadLimits.maximumFramePixels"
        case .elementCount: return "ReadLimits.maximumElementCount"
        }
    }

    /// What to do about it, for messages.
    public var advice: String {
        switch self {
        case .fileBytes: return "Check that the input is the DICOM file meant; if it is, raise the limit."
        default: return "The file is probably corrupt or hostile; if it is genuine, raise the limit."
        }
    }
}
