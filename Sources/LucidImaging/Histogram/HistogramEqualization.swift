/// Global histogram equalisation of samples with `bitsStored` bits, exact in integer arithmetic.
///
/// With `N` pixels, `cdf(v)` the number of pixels with a sample `<= v`, `vmin` the smallest sample
/// present, `cdfMin = cdf(vmin)` (the count of that sample) and `top = 2^bitsStored - 1`, a sample
/// `v` becomes
///
///     out(v) = round((cdf(v) - cdfMin) / (N - cdfMin) * top)
///
/// rounded half up, computed exactly as `floor((2 (cdf(v) - cdfMin) top + (N - cdfMin)) / (2 (N - cdfMin)))`.
/// So `vmin` maps to 0, the largest sample present to `top`, and the mapping is non-decreasing.
/// Values absent from the image never occur in it; below `vmin` they would map to 0. Samples above
/// `top` (which a correct decoder never produces) are treated as `top`, as ``Histogram`` counts them.
///
/// A constant image (a single sample value, `N == cdfMin`) has no spread to equalise and is
/// returned unchanged. The output has the input's size and samples within `0 ... top`. This is the
/// classic CDF mapping (Gonzalez & Woods; OpenCV's `equalizeHist` for 8 bits, which rounds
/// `cdf * 255 / N` slightly differently); numpy's `bincount` + lookup-table recipe with
/// `floor(x + 0.5)` gives exactly these values.
public struct HistogramEqualization: ImageFilter, Equatable {
    /// Bits per sample, 1...16.
    public let bitsStored: Int

    /// - Parameter bitsStored: bits per sample, 1...16.
    /// - Throws: ``ImageOperationError/invalidParameter(operation:name:value:rule:)`` when
    ///   `bitsStored` is outside 1...16.
    public init(bitsStored: Int) throws(ImageOperationError) {
        try ImageOperationError.checkBitsStored(bitsStored, operation: "HistogramEqualization")
        self.bitsStored = bitsStored
    }

    public var name: String { "histeq" }

    /// None: the mapping comes from the image itself.
    public var parameters: [OperationParameter] { [] }

    /// Equalises `source` into `destination` (same size, not overlapping), as
    /// ``apply(_:threads:)``; a constant image is copied unchanged.
    public func apply(
        _ source: ImageView<UInt16>, into destination: MutableImageView<UInt16>,
        threads: Int = StripScheduler.availableThreads
    ) {
        checkViews(source, destination)
        let counts = HistogramKernels.count(source, binCount: 1 << bitsStored, threads: threads)
        guard let mapping = Self.mapping(counts: counts) else { return destination.copy(from: source) }
        WindowingPlan.renderGather(
            source, into: destination, levels: WindowingPlan.paddedLevels(mapping), threads: threads)
    }

    /// Equalises `image`: one histogram (split over threads), one mapping, one lookup per pixel
    /// (split over rows). The result does not depend on `threads`.
    /// - Parameter threads: threads to use, at least 1 (default: every available core).
    public func apply(_ image: GrayImage<UInt16>, threads: Int = StripScheduler.availableThreads) -> GrayImage<UInt16> {
        let counts = HistogramKernels.count(image, binCount: 1 << bitsStored, threads: threads)
        guard let mapping = Self.mapping(counts: counts) else { return image }
        return WindowingPlan.renderGather(image, levels: WindowingPlan.paddedLevels(mapping), threads: threads)
    }

    /// The equalisation mapping for a histogram (`counts.count == 2^bitsStored`): one output per
    /// sample value, as defined above; nil when fewer than two distinct values are present.
    public static func mapping(counts: [Int]) -> [UInt16]? {
        guard let minimum = counts.firstIndex(where: { $0 > 0 }) else { return nil }
        let total = counts.reduce(0, +)
        let cdfMinimum = counts[minimum]
        let spread = total - cdfMinimum
        guard spread > 0 else { return nil }
        let top = counts.count - 1
        var mapping = [UInt16](repeating: 0, count: counts.count)
        var cumulative = 0
        for value in counts.indices {
            cumulative += counts[value]
            guard value >= minimum else { continue }
            // `(cumulative - cdfMinimum) * top <= spread * 65,535`: no overflow below 2^47 pixels.
            let numerator = 2 * (cumulative - cdfMinimum) * top + spread
            mapping[value] = UInt16(numerator / (2 * spread))
        }
        return mapping
    }
}
