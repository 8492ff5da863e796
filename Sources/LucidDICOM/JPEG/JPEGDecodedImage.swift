/// The samples of one decoded JPEG frame: JPEG Lossless (T.81 Annex H) or DCT-based sequential
/// (T.81 Annex F, processes 1, 2 and 4).
///
/// `samples` holds `width * height * components` values, component-interleaved and row-major:
/// component `c` of the pixel at column `x`, row `y` is `samples[(y * width + x) * components + c]`,
/// with components in the order of the frame header (T.81 B.2.2). Values are the reconstructed
/// unsigned `precision`-bit samples (lossless: already shifted left by the point transform,
/// T.81 H.1.2.3; DCT: subsampled components upsampled to full size); no sign extension or colour
/// conversion is applied.
public struct JPEGDecodedImage: Sendable, Equatable {
    /// The most samples (`width * height * components`) a frame may declare: 2^28, i.e. 512 MiB of
    /// `UInt16`. Larger frames are rejected with ``JPEGDecodingError/imageTooLarge(width:height:components:)``
    /// before anything is allocated.
    public static let maximumSampleCount = 1 << 28

    /// Samples per line, X in the frame header, 1...65535.
    public let width: Int
    /// Number of lines, Y in the frame header, 1...65535.
    public let height: Int
    /// Sample precision P in bits: 2...16 for lossless, 8 or 12 for DCT frames.
    public let precision: Int
    /// Number of image components Nf, 1...4.
    public let components: Int
    /// `width * height * components` samples, interleaved by component, rows top to bottom.
    public let samples: [UInt16]

    public init(width: Int, height: Int, precision: Int, components: Int, samples: [UInt16]) {
        self.width = width
        self.height = height
        self.precision = precision
        self.components = components
        self.samples = samples
    }

    /// Component `component` of the pixel at column `x`, row `y`.
    public subscript(x: Int, y: Int, component: Int) -> UInt16 {
        samples[(y * width + x) * components + component]
    }
}

/// The name under which the JPEG Lossless decoder first published ``JPEGDecodedImage``.
public typealias JPEGLosslessImage = JPEGDecodedImage
