/// A Gaussian blur of 16-bit images, comparable with OpenCV's `cv2.GaussianBlur(image, (0, 0), sigma)`
/// on `uint16` data.
///
/// - Kernel: sampled Gaussian with `round(8 sigma + 1) | 1` taps (OpenCV's size for 16-bit data),
///   normalised to sum 1; see `GaussianKernelWeights`.
/// - Border: `BORDER_REFLECT_101` (OpenCV's default), in both directions.
/// - Arithmetic: separable horizontal then vertical pass in `Float`, the symmetric taps added in pairs;
///   the result is rounded half to even and clamped to `0 ... 65535` (a blur never leaves the input's
///   range, so the output keeps the input's bit depth).
/// - Accuracy: against exact real arithmetic with the same kernel, the unrounded `Float` value is off by
///   at most about `(4 radius + 8) · 2⁻²⁴ · maximum sample` (under 0.04 grey levels for 16-bit data at
///   sigma 2; a few thousandths for 12-bit data), so an output sample is the exactly rounded value,
///   or, when the exact value lies within that bound of a half-integer, the neighbouring integer:
///   never more than one grey level away. The committed OpenCV fixtures agree within one grey level.
/// - Threads: results are bit-identical for any thread count.
public struct GaussianBlur: ImageFilter, Equatable {
    /// Standard deviation in pixels, `0 < sigma <= 100`.
    public let sigma: Double
    let kernel: GaussianKernelWeights

    /// A blur with standard deviation `sigma` pixels. Throws `.invalidParameter` unless
    /// `0 < sigma <= 100` (NaN is rejected).
    public init(sigma: Double) throws(ImageOperationError) {
        guard sigma > 0, sigma <= 100 else {
            throw .invalidParameter(
                operation: "GaussianBlur", name: "sigma", value: "\(sigma)", rule: "must be > 0 and <= 100")
        }
        self.sigma = sigma
        self.kernel = GaussianKernelWeights(sigma: sigma)
    }

    /// Kernel taps on each side of the centre: `round(8 sigma + 1) | 1` taps in all.
    public var radius: Int { kernel.radius }

    public var name: String { "gaussian" }

    /// `sigma`: the standard deviation in pixels.
    public var parameters: [OperationParameter] { [OperationParameter("sigma", sigma)] }

    /// Filters `source` into `destination` (same size, not overlapping) on up to `threads` threads.
    public func apply(
        _ source: ImageView<UInt16>, into destination: MutableImageView<UInt16>,
        threads: Int = StripScheduler.availableThreads
    ) {
        SeparableSymmetricFilter(kernel: kernel, output: .blurred).run(
            checkedBuffers(source, destination), threads: threads)
    }
}
