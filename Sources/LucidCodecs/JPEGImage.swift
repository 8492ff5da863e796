import CCodecShims

/// The colour space of a JPEG stream, as libjpeg infers it from JFIF/Adobe markers and
/// component identifiers. Decoding keeps samples in this space (no conversion).
public enum JPEGColorSpace: Sendable, Equatable {
    case grayscale
    case rgb
    case yCbCr
    case cmyk
    case ycck
    case unknown

    init(shimCode: Int32) {
        switch shimCode {
        case LUCID_JPEG_COLOR_GRAYSCALE: self = .grayscale
        case LUCID_JPEG_COLOR_RGB: self = .rgb
        case LUCID_JPEG_COLOR_YCBCR: self = .yCbCr
        case LUCID_JPEG_COLOR_CMYK: self = .cmyk
        case LUCID_JPEG_COLOR_YCCK: self = .ycck
        default: self = .unknown
        }
    }
}

/// Frame header facts of a JPEG stream, read without decoding the image.
public struct JPEGHeader: Sendable, Equatable {
    /// Width in pixels, 1...65535.
    public var width: Int
    /// Height in pixels, 1...65535.
    public var height: Int
    /// Components (samples per pixel): 1 or 3 for streams this codec decodes.
    public var components: Int
    /// Bits per sample from the SOF marker; always 8 once `JPEGCodec.readHeader` succeeds.
    public var precision: Int
    /// Colour space of the stream.
    public var colorSpace: JPEGColorSpace

    public init(width: Int, height: Int, components: Int, precision: Int, colorSpace: JPEGColorSpace) {
        self.width = width
        self.height = height
        self.components = components
        self.precision = precision
        self.colorSpace = colorSpace
    }
}

extension JPEGHeader {
    init(_ header: lucid_jpeg_header) {
        self.init(
            width: Int(header.width), height: Int(header.height), components: Int(header.components),
            precision: Int(header.precision), colorSpace: JPEGColorSpace(shimCode: header.color_space))
    }
}

/// A decoded 8-bit JPEG with samples in the stream's own colour space.
public struct JPEGImage: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Components per pixel: 1 (grayscale) or 3 (RGB or YCbCr, see `colorSpace`).
    public var components: Int
    /// Bits per sample: always 8.
    public var precision: Int
    /// Colour space of `samples`: YCbCr streams stay YCbCr (chroma upsampled to full size).
    public var colorSpace: JPEGColorSpace
    /// `width * height * components` samples, row-major, components interleaved per pixel.
    public var samples: [UInt8]

    public init(
        width: Int, height: Int, components: Int, precision: Int,
        colorSpace: JPEGColorSpace, samples: [UInt8]
    ) {
        self.width = width
        self.height = height
        self.components = components
        self.precision = precision
        self.colorSpace = colorSpace
        self.samples = samples
    }
}
