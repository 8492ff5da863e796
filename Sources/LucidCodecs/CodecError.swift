/// Why a PNG or JPEG operation failed.
///
/// Every case names the format, the operation and what to do next in its `description`.
/// Library messages (`png`, `jpeg`) are the texts that libpng and libjpeg produced.
public enum CodecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libpng reported a failure during `operation` ("encode", "read header", "decode").
    case png(operation: String, message: String)
    /// libjpeg reported a failure (or, in strict mode, a warning) during `operation`.
    case jpeg(operation: String, message: String)
    /// The PNG is not grayscale; `colorType` is the IHDR colour type (2, 3, 4 or 6).
    case pngNotGrayscale(colorType: Int)
    /// The JPEG frame header declares `bits` per sample; only 8 is supported.
    case unsupportedPrecision(Int)
    /// A grayscale image was requested but the JPEG has `components` components.
    case notGrayscale(components: Int)
    /// The JPEG has a component count other than 1 or 3.
    case unsupportedComponentCount(Int)
    /// The header declares more pixels than `maximumPixelCount`, or a size the format cannot hold.
    case imageTooLarge(width: Int, height: Int, maximumPixelCount: Int)
    /// A JPEG quality outside 1...100.
    case invalidQuality(Int)
    /// A zlib compression level outside 0...9.
    case invalidCompressionLevel(Int)
    /// A JPEG-LS, JPEG 2000, HTJ2K or 12-bit JPEG codestream could not be decoded or encoded:
    /// `message` is the library's (or the decoder's) own text.
    case codestream(format: CodestreamFormat, operation: String, message: String)
    /// The codestream is valid but declares something the decoder does not hand out (components
    /// of different precision or size, a precision above 16, ...).
    case unsupportedCodestream(format: CodestreamFormat, reason: String)
    /// A PNG text keyword that is not 1-79 printable Latin-1 characters (see `PNGTextChunk`).
    case invalidTextKeyword(String)
    /// PNG text that contains U+0000, which text chunks cannot store.
    case invalidTextValue(keyword: String)

    public var description: String {
        switch self {
        case let .png(operation, message):
            return "PNG \(operation) failed: \(message). Check that the data is a complete, "
                + "uncorrupted PNG file."
        case let .jpeg(operation, message):
            return "JPEG \(operation) failed: \(message). Check that the data is one complete, "
                + "uncorrupted JPEG stream (for DICOM, all fragments of the frame)."
        case let .pngNotGrayscale(colorType):
            return "colour PNG not supported: the file has PNG colour type \(colorType) "
                + "(\(Self.pngColorTypeName(colorType))); only grayscale PNGs (colour type 0) "
                + "can be read. Convert the file to grayscale first."
        case let .unsupportedPrecision(bits):
            return "JPEG with \(bits)-bit samples is not supported: the JPEG decoder reads "
                + "8-bit streams only. 12-bit or lossless JPEG needs a different decoder."
        case let .notGrayscale(components):
            return "JPEG is not grayscale: it has \(components) components. Use "
                + "JPEGCodec.decode(_:) to get the interleaved samples without colour conversion."
        case let .unsupportedComponentCount(count):
            return "JPEG with \(count) components is not supported; only 1 (grayscale) and "
                + "3 (RGB or YCbCr) components can be decoded."
        case let .imageTooLarge(width, height, maximum):
            return "image of \(width) x \(height) pixels is too large: the limit is \(maximum) "
                + "pixels and the format's own maximum dimensions. The header is probably "
                + "corrupt; if the image is genuine, pass a larger maximumPixelCount."
        case let .invalidQuality(quality):
            return "JPEG quality \(quality) is out of range: use 1 (smallest) ... 100 (best)."
        case let .invalidCompressionLevel(level):
            return "zlib compression level \(level) is out of range: use 0 (store) ... 9 "
                + "(smallest, slowest)."
        case let .codestream(format, operation, message):
            return "\(format) \(operation) failed: \(message). Check that the data is one complete, "
                + "uncorrupted \(format) codestream (for DICOM, all fragments of the frame)."
        case let .unsupportedCodestream(format, reason):
            return "\(format) codestream not supported: \(reason)."
        case let .invalidTextKeyword(keyword):
            return "PNG text keyword \"\(keyword)\" is invalid: use 1-79 printable Latin-1 "
                + "characters with no leading, trailing or consecutive spaces."
        case let .invalidTextValue(keyword):
            return "PNG text for keyword \"\(keyword)\" contains a NUL character (U+0000), which "
                + "PNG text chunks cannot store; remove it."
        }
    }

    private static func pngColorTypeName(_ colorType: Int) -> String {
        switch colorType {
        case 2: return "RGB"
        case 3: return "palette"
        case 4: return "grayscale with alpha"
        case 6: return "RGB with alpha"
        default: return "unknown"
        }
    }
}
