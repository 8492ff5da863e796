/// Non-local means denoising with the semantics of OpenCV's `cv::fastNlMeansDenoising` for 16-bit
/// images with `NORM_L1` (the only norm OpenCV accepts for 16-bit data).
///
/// Each output pixel `p` is a weighted mean of the pixels `q` in the `searchSize`² window centred
/// on `p`. The weight compares the `templateSize`² patches around `p` and `q` (`T = templateSize`):
///
///     SAD(p, q) = Σ over the template of |I(p + t) - I(q + t)|
///     dist      = (SAD >> s) * 2^s / T²     with s = ceil(log2(T²))  (OpenCV's "almost average",
///                                           a shift instead of a division: s = 6 for T = 7)
///     w         = exp(-dist² / h²),  set to 0 when below 0.001
///     out(p)    = round(Σ w(q) I(q) / Σ w(q))
///
/// This is OpenCV's `DistAbs::calcWeight` (`exp(-dist * dist / (h * h * channels))`, one
/// channel) applied to its `almost_dist2actual_dist_multiplier` table index; `q = p` always has
/// weight 1. OpenCV stores the weights as fixed-point integers and sums in 64-bit integers; Lucid
/// evaluates the same weight in `Float` with a polynomial `exp2` (relative error below 3e-6; 7.6e-5
/// in the 16-bit kernel below) and sums in `Float` in a fixed order, so results are within one grey level of a double-precision
/// evaluation of the formula above and do not depend on the thread count.
///
/// When `templateSize` times the image's largest sample is at most 65535 (e.g. 12-bit data with a
/// 7 x 7 template) and `h` is at most about `24_900 / templateSize²` (508 for 7 x 7), so that every
/// patch sum with a non-zero weight is below 65536, patch differences are summed in
/// 16-bit lanes (twice as many per vector) and the weight is found from the shifted sum; otherwise
/// in 32-bit lanes. The choice is made once per image.
///
/// - Edges: the image is extended by `searchSize / 2 + templateSize / 2` samples with
///   `BORDER_REFLECT_101` (as OpenCV), so windows and patches near the edge read mirrored samples.
/// - Range: the output is a weighted mean of input samples, clamped to `0 ... 2^bitsStored - 1`.
/// - Cost: `O(width * height * searchSize²)`, independent of `templateSize` (patch sums are
///   running box sums per displacement).
public struct NonLocalMeans: ImageFilter, Equatable {
    /// Filter strength in sample units, > 0: patches whose mean absolute difference is `h` weigh
    /// `1/e`. About the noise standard deviation is a common choice.
    public let h: Double
    /// Patch side in pixels, odd, 1...31 (default 7).
    public let templateSize: Int
    /// Search window side in pixels, odd, 1...101 (default 21).
    public let searchSize: Int
    /// Significant bits of the samples, 1...16 (default 16); sets the output clamp.
    public let bitsStored: Int

    /// `s`: the patch sum is shifted right by this many bits before it becomes a distance.
    let distanceShift: Int
    /// `2^s / T²`: turns a shifted patch sum into OpenCV's distance.
    let distanceScale: Float
    /// `-log2(e) / h²`, with `h²` rounded to `Float` first as OpenCV does.
    let exponentScale: Float

    /// Validates the parameters.
    /// - Throws: `ImageOperationError.invalidParameter` when `h` is not a finite number > 0, a size
    ///   is even or outside its range, or `bitsStored` is outside 1...16.
    public init(h: Double, templateSize: Int = 7, searchSize: Int = 21, bitsStored: Int = 16)
        throws(ImageOperationError)
    {
        func invalid(_ name: String, _ value: String, _ rule: String) -> ImageOperationError {
            .invalidParameter(operation: "NonLocalMeans", name: name, value: value, rule: rule)
        }
        guard h.isFinite, h > 0 else { throw invalid("h", "\(h)", "must be a finite number > 0") }
        guard (1...31).contains(templateSize), templateSize % 2 == 1 else {
            throw invalid("templateSize", "\(templateSize)", "must be odd and 1...31")
        }
        guard (1...101).contains(searchSize), searchSize % 2 == 1 else {
            throw invalid("searchSize", "\(searchSize)", "must be odd and 1...101")
        }
        try ImageOperationError.checkBitsStored(bitsStored, operation: "NonLocalMeans")
        let area = templateSize * templateSize
        var shift = 0
        while 1 << shift < area { shift += 1 }
        self.h = h
        self.templateSize = templateSize
        self.searchSize = searchSize
        self.bitsStored = bitsStored
        distanceShift = shift
        distanceScale = Float(Double(1 << shift) / Double(area))
        let hSquared = Double(Float(h) * Float(h))
        exponentScale = Float(-1.442_695_040_888_963_4 / hSquared)
    }

    public var name: String { "nlm" }

    /// `h` (the filter strength), `template` and `search` (window sides).
    public var parameters: [OperationParameter] {
        [
            OperationParameter("h", h), OperationParameter("template", templateSize),
            OperationParameter("search", searchSize),
        ]
    }
}
