import LucidDICOM

/// What Lucid must do with each file of the shared corpus: decode it exactly, or fail with one
/// specific error case.
public enum SampleOutcome: Sendable {
    case decode
    case unsupportedSyntax
    case colour
    case truncatedPixelData
    case emptyPixelData
    case noPixelData
    case missingRows
    case unsupportedBitsAllocated
    case codecError

    public static let expected: [String: SampleOutcome] = [
        "us_rgb_evrle.dcm": .colour,
        "us_rgb_planar1_evrbe.dcm": .colour,
        "ot_ybr_full_422_uncompressed.dcm": .colour,
        "us_ybr_jpeg_baseline_8frame.dcm": .colour,
        "ot_palette_color.dcm": .colour,
        "mr_small_truncated_pixeldata.dcm": .truncatedPixelData,
        "mr_empty_pixeldata.dcm": .emptyPixelData,
        "ct_no_pixeldata.dcm": .noPixelData,
        "mr_missing_rows.dcm": .missingRows,
        "mr_acrnema_bits_allocated_12.dcm": .unsupportedBitsAllocated,
        "ot_jpeg_syntax_raw_fragment.dcm": .codecError,
    ]

    public static func of(_ name: String) -> SampleOutcome { expected[name] ?? .decode }

    /// Whether Lucid decodes the file.
    public static func decodes(_ name: String) -> Bool { expected[name] == nil }

    /// Whether `error` is the case this outcome expects.
    public func matches(_ error: DICOMError) -> Bool {
        switch (self, error) {
        case (.unsupportedSyntax, .unsupportedTransferSyntax): return true
        case (.colour, .notGrayscale): return true
        case (.truncatedPixelData, .truncatedPixelData), (.truncatedPixelData, .truncatedFrames): return true
        case (.emptyPixelData, .emptyPixelData): return true
        case (.noPixelData, .noPixelData): return true
        case (.missingRows, .missingAttribute(_, let tag)): return tag == .rows
        case (.unsupportedBitsAllocated, .unsupportedPixelFormat(_, let tag, _)): return tag == .bitsAllocated
        case (.codecError, .codec): return true
        default: return false
        }
    }
}
