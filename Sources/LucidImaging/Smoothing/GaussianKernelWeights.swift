#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one-sided weights of a sampled, normalised Gaussian, sized like OpenCV's `GaussianBlur` for
/// 16-bit images so the two give comparable results.
///
/// OpenCV chooses `ksize = round(sigma * 8 + 1) | 1` taps for non-8-bit depths (`createGaussianKernels`
/// in `smooth.dispatch.cpp`); the radius is `ksize / 2`: 6 for sigma 1.5, 8 for sigma 2.0, 800 for
/// sigma 100. Tap `k` (offset `-radius ... radius`) is `exp(-k² / (2 sigma²))`, divided by the sum of
/// all taps, computed in `Double` and stored as `Float`.
struct GaussianKernelWeights: Sendable, Equatable {
    /// Taps on each side of the centre, at least 1 for any sigma > 0.
    let radius: Int
    /// `weights[k]` is the weight of offsets `+k` and `-k`, `k = 0 ... radius`; the full kernel sums to 1
    /// within `Float` rounding (relative error below 2⁻²³).
    let weights: [Float]

    /// The kernel for `sigma` (pixels, > 0).
    init(sigma: Double) {
        let size = Int((sigma * 8 + 1).rounded(.toNearestOrAwayFromZero)) | 1
        let radius = size / 2
        let exact = (0...radius).map { offset in
            let distance = Double(offset)
            return exp(-(distance * distance) / (2 * sigma * sigma))
        }
        let total = exact[0] + 2 * exact.dropFirst().reduce(0, +)
        self.radius = radius
        self.weights = exact.map { Float($0 / total) }
    }
}
