/// The number of pixels of an image holding each sample value, for images whose samples have at
/// most `bitsStored` bits (offset binary, see ``StoredValueEncoding``).
///
/// `counts[v]` is the number of pixels equal to `v` for `v` in `0 ..< 2^bitsStored`. Samples above
/// `2^bitsStored - 1` (which a correct decoder never produces) are counted in the last bin, as
/// ``SampleHistogram`` and ``DisplayLookupTable`` treat them. Counting is split over threads, each
/// filling its own partial histogram, and the partial counts are summed; the result does not depend
/// on the thread count.
public struct Histogram: Sendable, Equatable {
    /// Bits per sample, 1...16; there are `2^bitsStored` bins.
    public let bitsStored: Int
    /// Pixel count per sample value; `counts.count == 2^bitsStored`.
    public let counts: [Int]

    /// Counts the samples of `image`.
    /// - Parameters:
    ///   - bitsStored: bits per sample, 1...16.
    ///   - threads: threads to use, at least 1 (default: every available core).
    /// - Throws: ``ImageOperationError/invalidParameter(operation:name:value:rule:)`` when
    ///   `bitsStored` is outside 1...16.
    public init(
        _ image: GrayImage<UInt16>, bitsStored: Int, threads: Int = StripScheduler.availableThreads
    ) throws(ImageOperationError) {
        try ImageOperationError.checkBitsStored(bitsStored, operation: "Histogram")
        self.bitsStored = bitsStored
        self.counts = HistogramKernels.count(image, binCount: 1 << bitsStored, threads: threads)
    }

    /// The number of pixels counted (the image's pixel count).
    public var totalCount: Int { counts.reduce(0, +) }

    /// The smallest sample value present, or nil for an empty histogram.
    public var minimumSample: Int? { counts.firstIndex { $0 > 0 } }

    /// The largest sample value present, or nil for an empty histogram.
    public var maximumSample: Int? { counts.lastIndex { $0 > 0 } }

    /// The cumulative counts: `cumulativeCounts[v]` is the number of pixels with a sample `<= v`.
    public var cumulativeCounts: [Int] {
        var running = 0
        return counts.map { count in
            running += count
            return running
        }
    }
}
