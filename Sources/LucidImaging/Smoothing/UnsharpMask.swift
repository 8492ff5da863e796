/// Unsharp masking: `out = clamp(round(x + amount · (x − blur(x))), 0, 2^bitsStored − 1)`.
///
/// `blur` is `GaussianBlur(sigma:)` (same kernel, `BORDER_REFLECT_101` border), kept unrounded in
/// `Float`: the sharpening is fused into the blur's vertical pass, so the blurred image is never
/// rounded or stored. Rounding is half to even after clamping. Compared with OpenCV's
/// `GaussianBlur` + `addWeighted(x, 1 + amount, blur, -amount, 0)`, which rounds the blur first,
/// results can differ by up to about `amount / 2 + 1` grey levels. Results are bit-identical for any
/// thread count.
public struct UnsharpMask: ImageFilter, Equatable {
    /// Standard deviation of the blur, in pixels, `0 < sigma <= 100`.
    public let sigma: Double
    /// How much of the detail `x − blur(x)` is added back, `0 ... 100` (0 returns the input).
    public let amount: Double
    /// Significant bits of the samples, `1 ... 16`; results are clamped to `0 ... 2^bitsStored − 1`.
    public let bitsStored: Int
    let kernel: GaussianKernelWeights

    /// Throws `.invalidParameter` unless `0 < sigma <= 100`, `0 <= amount <= 100` and
    /// `1 <= bitsStored <= 16`.
    public init(sigma: Double, amount: Double, bitsStored: Int = 16) throws(ImageOperationError) {
        guard sigma > 0, sigma <= 100 else {
            throw .invalidParameter(
                operation: "UnsharpMask", name: "sigma", value: "\(sigma)", rule: "must be > 0 and <= 100")
        }
        guard amount >= 0, amount <= 100 else {
            throw .invalidParameter(
                operation: "UnsharpMask", name: "amount", value: "\(amount)", rule: "must be >= 0 and <= 100")
        }
        try ImageOperationError.checkBitsStored(bitsStored, operation: "UnsharpMask", rule: "must be 1 ... 16")
        self.sigma = sigma
        self.amount = amount
        self.bitsStored = bitsStored
        self.kernel = GaussianKernelWeights(sigma: sigma)
    }

    public var name: String { "unsharp" }

    /// `sigma` (the blur's standard deviation in pixels) and `amount`.
    public var parameters: [OperationParameter] {
        [OperationParameter("sigma", sigma), OperationParameter("amount", amount)]
    }

    /// Filters `source` into `destination` (same size, not overlapping) on up to `threads` threads.
    public func apply(
        _ source: ImageView<UInt16>, into destination: MutableImageView<UInt16>,
        threads: Int = StripScheduler.availableThreads
    ) {
        let output = SmoothingOutput.sharpened(amount: Float(amount), maximum: Float((1 << bitsStored) - 1))
        SeparableSymmetricFilter(kernel: kernel, output: output).run(
            checkedBuffers(source, destination), threads: threads)
    }
}
