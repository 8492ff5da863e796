/// How many pixels of an image hold each sample value: `counts[s]` for every sample `s` in
/// `0 ... encoding.maximumSample`. The basis of ``ModalityRange`` and automatic windowing: statistics
/// are computed over the distinct samples present, so any modality transform (negative slope, LUT)
/// can be applied per sample rather than per pixel.
public struct SampleHistogram: Sendable, Equatable {
    /// How the samples stand for stored values.
    public let encoding: StoredValueEncoding
    /// Pixel count per sample; `counts.count == encoding.maximumSample + 1`.
    public private(set) var counts: [Int]

    /// Counts the samples of `image`. Samples above `encoding.maximumSample` (which a correct
    /// decoder never produces) are counted as the maximum sample, as ``DisplayLookupTable`` renders them.
    /// Counting is the parallel kernel of ``Histogram``.
    public init(image: GrayImage<UInt16>, encoding: StoredValueEncoding, threads: Int = StripScheduler.availableThreads)
    {
        self.encoding = encoding
        self.counts = HistogramKernels.count(image, binCount: encoding.maximumSample + 1, threads: threads)
    }

    /// Counts the samples of `view` (a whole image or a part of one, ``ImageView/cropped(x:y:width:height:)``),
    /// as ``init(image:encoding:threads:)``.
    public init(view: ImageView<UInt16>, encoding: StoredValueEncoding, threads: Int = StripScheduler.availableThreads)
    {
        self.encoding = encoding
        self.counts = HistogramKernels.count(view, binCount: encoding.maximumSample + 1, threads: threads)
    }

    /// The smallest and largest sample present, or nil when no pixel is counted.
    public var sampleRange: ClosedRange<Int>? {
        guard let low = counts.firstIndex(where: { $0 > 0 }), let high = counts.lastIndex(where: { $0 > 0 }) else {
            return nil
        }
        return low...high
    }

    /// The number of pixels counted.
    public var totalCount: Int { counts.reduce(0, +) }

    /// Whether no pixel is counted (for example after excluding padding from an all-padding image).
    public var isEmpty: Bool { !counts.contains { $0 > 0 } }

    /// This histogram without the padded samples of `padding` (PS3.3 C.7.5.1.1.2).
    public func excluding(_ padding: PixelPadding) -> SampleHistogram {
        guard let padded = padding.sampleRange(in: encoding) else { return self }
        var copy = self
        for sample in padded { copy.counts[sample] = 0 }
        return copy
    }

    /// The samples present (count > 0) with their modality values and counts, sorted by modality
    /// value (ties in sample order). Modality values come from `modality` applied to each sample's
    /// stored value (PS3.3 C.11.1).
    public func modalityValueCounts(modality: ModalityTransform) -> [(modalityValue: Double, count: Int)] {
        var present: [(modalityValue: Double, count: Int)] = []
        for (sample, count) in counts.enumerated() where count > 0 {
            let stored = encoding.storedValue(ofSample: UInt16(truncatingIfNeeded: sample))
            present.append((modality.modalityValue(ofStored: stored), count))
        }
        present.sort { $0.modalityValue < $1.modalityValue }
        return present
    }
}
