/// An RGB image: three samples per pixel (red, green, blue) interleaved, rows top to bottom, in one
/// contiguous copy-on-write array.
///
/// `Sample` is `UInt8` for 8-bit renderings and `UInt16` for 16-bit ones. The red sample of the
/// pixel at column `x`, row `y` is `samples[3 * (y * width + x)]`.
public struct ColorImage<Sample: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable, Equatable {
    /// Width in pixels, at least 1.
    public let width: Int
    /// Height in pixels, at least 1.
    public let height: Int
    /// `3 * width * height` samples, R G B for each pixel.
    public var samples: [Sample]

    /// Wraps `samples`; traps when the count does not equal `3 * width * height` (a programming
    /// error, never a property of input data: decoders validate sizes before building an image).
    public init(width: Int, height: Int, samples: [Sample]) {
        precondition(width > 0 && height > 0, "ColorImage needs a positive size")
        precondition(samples.count == 3 * width * height, "ColorImage sample count does not match its size")
        self.width = width
        self.height = height
        self.samples = samples
    }

    /// The red, green and blue samples of the pixel at column `x`, row `y` (both zero-based).
    public subscript(x: Int, y: Int) -> (red: Sample, green: Sample, blue: Sample) {
        let first = 3 * (y * width + x)
        return (samples[first], samples[first + 1], samples[first + 2])
    }
}
