/// Edge-preserving smoothing: each output sample is the average of its neighbours weighted by
/// both distance and difference in value, with the semantics of OpenCV's `cv::bilateralFilter`.
///
/// For an output pixel `p` with sample `I(p)`, the neighbourhood is every offset `(dy, dx)` with
/// `dx² + dy² <= radius²` (a disc, `radius = diameter / 2`), and
///
///     w(q)  = exp(-(dx² + dy²) / (2 sigmaSpace²)) * exp(-(I(q) - I(p))² / (2 sigmaColor²))
///     out(p) = round(Σ w(q) I(q) / Σ w(q))
///
/// Each weight is evaluated in `Float` as one power of two, `2^(log2(spatial) - log2(e) Δ² / (2 sigmaColor²))`,
/// with a polynomial `exp2` that vectorises across a row; this measured faster than a
/// `2^bitsStored`-entry table indexed by `|Δ|`, whose reads do not vectorise. Radius 2 (diameters 4
/// and 5, `sigmaColor` in `1e-6 ... 1e9`) has its own kernel: samples pre-scaled so that `Δ²` is the
/// range exponent, a degree-3 `exp2` (relative error below 7.5e-5), weights below 2^-125 raised to
/// 2^-125; other radii use a degree-6 `exp2` (relative error below 3e-7), weights below 2^-126 raised
/// to 2^-126. Both floors are negligible beside the centre weight 1. Sums are accumulated in
/// `Float` in a fixed order, so the result is within one grey level of a double-precision
/// evaluation and does not depend on the thread count. Rounding is to nearest (ties to even).
///
/// - Edges: neighbours beyond the image are read with `BORDER_REFLECT_101` (OpenCV's default:
///   `c b | a b c`).
/// - Range: the output is a weighted mean of input samples, so it stays within their range; it is
///   clamped to `0 ... 2^bitsStored - 1` (which matters only for samples above that maximum, which a
///   correct decoder never produces).
/// - Cost: `O(width * height * taps)`; `taps` is 13 for diameter 5 and 49 for diameter 9; each pair of
///   opposite neighbours shares one weight evaluation.
public struct BilateralFilter: ImageFilter, Equatable {
    /// Neighbourhood diameter in pixels, 3...63 (odd or even: the radius is `diameter / 2`).
    public let diameter: Int
    /// Standard deviation of the spatial Gaussian, in pixels; > 0.
    public let sigmaSpace: Double
    /// Standard deviation of the range (value) Gaussian, in sample units; > 0.
    public let sigmaColor: Double
    /// Significant bits of the samples, 1...16 (default 16); sets the output clamp.
    public let bitsStored: Int

    /// The radius of the circular neighbourhood, `diameter / 2`.
    public var radius: Int { diameter / 2 }

    /// The neighbourhood offsets other than the centre, row by row, with their spatial weights.
    let taps: [BilateralTap]

    /// Validates the parameters and precomputes the spatial weights.
    /// - Throws: `ImageOperationError.invalidParameter` when `diameter` is outside 3...63, a sigma
    ///   is not a finite number > 0, or `bitsStored` is outside 1...16.
    public init(diameter: Int, sigmaSpace: Double, sigmaColor: Double, bitsStored: Int = 16)
        throws(ImageOperationError)
    {
        func invalid(_ name: String, _ value: String, _ rule: String) -> ImageOperationError {
            .invalidParameter(operation: "BilateralFilter", name: name, value: value, rule: rule)
        }
        guard (3...63).contains(diameter) else { throw invalid("diameter", "\(diameter)", "must be 3...63") }
        guard sigmaSpace.isFinite, sigmaSpace > 0 else {
            throw invalid("sigmaSpace", "\(sigmaSpace)", "must be a finite number > 0")
        }
        guard sigmaColor.isFinite, sigmaColor > 0 else {
            throw invalid("sigmaColor", "\(sigmaColor)", "must be a finite number > 0")
        }
        try ImageOperationError.checkBitsStored(bitsStored, operation: "BilateralFilter")
        self.diameter = diameter
        self.sigmaSpace = sigmaSpace
        self.sigmaColor = sigmaColor
        self.bitsStored = bitsStored

        let radius = diameter / 2
        let spaceCoefficient = -0.5 / (sigmaSpace * sigmaSpace)
        var taps: [BilateralTap] = []
        for dy in -radius...radius {
            for dx in -radius...radius where dx * dx + dy * dy <= radius * radius && (dx, dy) != (0, 0) {
                taps.append(
                    BilateralTap(
                        dy: dy, dx: dx,
                        exponent: Float(Double(dx * dx + dy * dy) * spaceCoefficient * 1.442_695_040_888_963_4)))
            }
        }
        self.taps = taps
    }

    public var name: String { "bilateral" }

    /// `diameter`, `sigma_space` and `sigma_color`.
    public var parameters: [OperationParameter] {
        [
            OperationParameter("diameter", diameter), OperationParameter("sigma_space", sigmaSpace),
            OperationParameter("sigma_color", sigmaColor),
        ]
    }

    /// Filters `source` into `destination` (same size, not overlapping) on up to `threads` threads;
    /// the result is the same for every thread count.
    public func apply(
        _ source: ImageView<UInt16>, into destination: MutableImageView<UInt16>,
        threads: Int = StripScheduler.availableThreads
    ) {
        let image = checkedBuffers(source, destination)
        image.forEachStrip(threads: threads) { rows in
            if usesRadius2Kernel {
                filterStripRadius2(image, rows: rows)
            } else {
                filterStrip(image, rows: rows)
            }
        }
    }
}

/// One neighbourhood offset `(dx, dy)` of a bilateral filter.
struct BilateralTap: Sendable, Equatable {
    let dy: Int
    let dx: Int
    /// The base-2 logarithm of the spatial weight: `-log2(e) (dx² + dy²) / (2 sigmaSpace²)`.
    let exponent: Float
}
