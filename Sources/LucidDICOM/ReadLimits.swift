/// Caps on what a file's header may make the reader allocate or do. Files beyond them are refused
/// with `DICOMError.tooLarge` or `.nestingTooDeep` instead of exhausting memory or the stack.
public struct ReadLimits: Sendable, Equatable {
    /// Largest file read into memory, bytes. Default 4 GiB.
    public var maximumFileBytes: Int
    /// Largest inflated Deflated Explicit VR data set, bytes. Default 2 GiB.
    public var maximumInflatedBytes: Int
    /// Largest frame, in pixels (Rows x Columns). Default 2^28 (16384 x 16384).
    public var maximumFramePixels: Int
    /// Deepest sequence nesting. Default 32.
    public var maximumSequenceDepth: Int

    public init(
        maximumFileBytes: Int = 4 << 30, maximumInflatedBytes: Int = 2 << 30,
        maximumFramePixels: Int = 1 << 28, maximumSequenceDepth: Int = 32
    ) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumInflatedBytes = maximumInflatedBytes
        self.maximumFramePixels = maximumFramePixels
        self.maximumSequenceDepth = maximumSequenceDepth
    }

    public static let standard = ReadLimits()
}
