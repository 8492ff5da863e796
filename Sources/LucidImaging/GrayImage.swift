/// A single-channel image stored row by row in one contiguous, copy-on-write array.
///
/// `Pixel` is `UInt8` for rendered 8-bit images and `UInt16` for stored DICOM samples and
/// 16-bit renderings. Row `y` occupies `pixels[y * width ..< (y + 1) * width]`.
public struct GrayImage<Pixel: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable, Equatable {
    /// Width in pixels, at least 1.
    public let width: Int
    /// Height in pixels, at least 1.
    public let height: Int
    /// Samples in row-major order; `pixels.count == width * height`.
    public var pixels: [Pixel]

    /// Wraps `pixels`; traps when the count does not equal `width * height` (a programming error,
    /// never a property of input data: decoders validate sizes before building an image).
    public init(width: Int, height: Int, pixels: [Pixel]) {
        precondition(width > 0 && height > 0, "GrayImage needs a positive size")
        precondition(pixels.count == width * height, "GrayImage pixel count does not match its size")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image of the given size filled with `value`.
    public init(width: Int, height: Int, repeating value: Pixel) {
        self.init(width: width, height: height, pixels: [Pixel](repeating: value, count: width * height))
    }

    /// The sample at column `x`, row `y` (both zero-based).
    public subscript(x: Int, y: Int) -> Pixel {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }
}
