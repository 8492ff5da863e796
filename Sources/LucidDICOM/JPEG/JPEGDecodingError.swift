/// Why a JPEG codestream (ITU-T T.81) could not be decoded by ``JPEGLosslessDecoder`` (Annex H,
/// Process 14) or the DCT-based sequential decoder (processes 1, 2 and 4).
///
/// Every case that concerns a position carries the byte offset, counted from the first byte of
/// the codestream (the SOI marker), at which the problem was found.
public enum JPEGDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The codestream ended (or a marker appeared inside entropy-coded data) before the
    /// structure or the image was complete.
    case truncated(offset: Int)
    /// The codestream does not begin with the SOI marker FFD8 (T.81 B.2.1).
    case missingStartOfImage
    /// The frame uses a start-of-frame marker other than SOF3, the lossless Huffman process
    /// (T.81 Table B.1); `marker` is the second byte, e.g. 0xC0 for baseline DCT.
    case notLossless(marker: UInt8)
    /// A DHT segment is malformed or defines an impossible code (T.81 B.2.4.2, C.2).
    case invalidHuffmanTable(String)
    /// The entropy-coded data holds a bit pattern that is no code of the scan's Huffman table
    /// (T.81 F.2.2.3); `offset` is the approximate byte position in the scan data.
    case invalidCode(offset: Int)
    /// A marker segment has an inconsistent length or field value.
    case invalidMarkerSegment(marker: UInt8, offset: Int, reason: String)
    /// A marker that is not allowed at this point (for example a wrong RSTn, T.81 E.2.4).
    case unexpectedMarker(marker: UInt8, offset: Int)
    /// A scan refers to a Huffman table that no DHT segment defined (T.81 B.2.3).
    case missingHuffmanTable(tableID: Int, offset: Int)
    /// A scan component uses a quantization table that no DQT segment defined (T.81 B.2.4.1).
    case missingQuantizationTable(tableID: Int, offset: Int)
    /// A valid JPEG feature this decoder does not implement.
    case unsupported(String)
    /// The frame declares more samples than the decoder is willing to allocate.
    case imageTooLarge(width: Int, height: Int, components: Int)

    public var description: String {
        switch self {
        case .truncated(let offset):
            return "JPEG data is truncated: it ends at byte offset \(offset) before the image is complete"
        case .missingStartOfImage:
            return "not a JPEG codestream: byte offset 0 does not hold the SOI marker FFD8"
        case .notLossless(let marker):
            return "JPEG frame marker \(Self.hex(marker)) is not SOF3 (FFC3, lossless Huffman, Process 14)"
        case .invalidHuffmanTable(let reason):
            return "invalid JPEG Huffman table: \(reason)"
        case .invalidCode(let offset):
            return "invalid Huffman code in JPEG scan data near byte offset \(offset)"
        case .invalidMarkerSegment(let marker, let offset, let reason):
            return "invalid JPEG marker segment \(Self.hex(marker)) at byte offset \(offset): \(reason)"
        case .unexpectedMarker(let marker, let offset):
            return "unexpected JPEG marker \(Self.hex(marker)) at byte offset \(offset)"
        case .missingHuffmanTable(let tableID, let offset):
            return "JPEG scan header at byte offset \(offset) uses Huffman table \(tableID), which was never defined"
        case .missingQuantizationTable(let tableID, let offset):
            return
                "JPEG scan header at byte offset \(offset) uses quantization table \(tableID), which was never defined"
        case .unsupported(let feature):
            return "unsupported JPEG feature: \(feature)"
        case .imageTooLarge(let width, let height, let components):
            return
                "JPEG image of \(width)x\(height) pixels with \(components) components exceeds the sample limit "
                + "(the caller's, at most \(JPEGLosslessImage.maximumSampleCount))"
        }
    }

    /// `0xC0` → `"FFC0"`.
    private static func hex(_ marker: UInt8) -> String {
        let digits = String(marker, radix: 16, uppercase: true)
        return "FF" + (digits.count == 1 ? "0" + digits : digits)
    }
}

/// The name under which the JPEG Lossless decoder first published ``JPEGDecodingError``.
public typealias JPEGLosslessError = JPEGDecodingError
