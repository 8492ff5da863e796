import LucidImaging

/// The statistics of one grayscale frame that the first look judges, from one pass over its
/// stored samples (before any step of the recipe: the detector's own values), plus a walk of the
/// pixels at the largest stored value when there are any.
///
/// Samples are offset binary (`StoredValueEncoding`). Two kinds of pixel are out of the field and
/// not counted: the padded stored values (Pixel Padding Value (0028,0120) and Pixel Padding Range
/// Limit (0028,0121), PS3.3 C.7.5.1.1.2), and the uniform bands along the edges (`FrameField`, a
/// mask burned into the pixels). Every figure is over the in-field pixels.
public struct FrameLook: Sendable, Equatable {
    /// Pixels inside the edge bands and outside the padded stored values.
    public let inFieldCount: Int
    /// Pixels in the uniform edge bands.
    public let bandCount: Int
    /// In-field pixels at the largest stored value the encoding holds (`2^BitsStored - 1`, or
    /// `2^(BitsStored-1) - 1` when signed).
    public let atMaximumCount: Int
    /// Those of them in regions enclosed by the field: not joined to its edge through pixels at the
    /// largest value (`FrameField.edgeConnectedCount`).
    public let enclosedAtMaximumCount: Int
    /// The largest stored value the encoding holds.
    public let maximumStoredValue: Int
    /// The grey levels (stored-value steps, inclusive) from the 0.5th to the 99.5th percentile of
    /// the in-field pixels: the band that holds their central 99 %; 0 without in-field pixels.
    public let centralLevels: Int
    /// All the levels the encoding holds, `2^BitsStored`.
    public let encodingLevels: Int

    /// Counts the samples inside the frame's edge bands into a histogram of `2^BitsStored` bins
    /// (``SampleHistogram``'s kernel, on one thread: the batch runs files side by side), then takes
    /// every figure from it. `padding` holds stored values, as `DisplayAttributes.paddingRange` gives them.
    public init(samples: GrayImage<UInt16>, encoding: StoredValueEncoding, padding: ClosedRange<Int>?) {
        let maximumSample = encoding.maximumSample
        let field = FrameField(samples)
        var histogram = samples.withView { whole in
            let inside = whole.cropped(
                x: field.columns.lowerBound, y: field.rows.lowerBound, width: field.columns.count,
                height: field.rows.count)
            return SampleHistogram(view: inside, encoding: encoding, threads: 1).counts
        }
        bandCount = samples.pixels.count - field.count
        if let padding,
            let padded = PixelPadding(value: padding.lowerBound, rangeLimit: padding.upperBound)
                .sampleRange(in: encoding)
        {
            for sample in padded { histogram[sample] = 0 }
        }
        let inField = histogram.reduce(0, +)
        inFieldCount = inField
        atMaximumCount = histogram[maximumSample]
        enclosedAtMaximumCount =
            atMaximumCount == 0
            ? 0 : max(0, atMaximumCount - field.edgeConnectedCount(samples, value: UInt16(maximumSample)))
        maximumStoredValue = encoding.maximumStoredValue
        encodingLevels = maximumSample + 1
        centralLevels = Self.centralLevels(histogram, total: inField)
    }

    /// The share of in-field pixels at the largest stored value in enclosed regions, 0...1; 0
    /// without in-field pixels.
    public var enclosedAtMaximumShare: Double {
        inFieldCount > 0 ? Double(enclosedAtMaximumCount) / Double(inFieldCount) : 0
    }

    /// The levels from the first sample whose cumulative count exceeds 0.5 % of `total` to the first
    /// whose cumulative count reaches 99.5 % of it, inclusive.
    private static func centralLevels(_ histogram: [Int], total: Int) -> Int {
        guard total > 0 else { return 0 }
        let lowCut = Double(total) * 0.005, highCut = Double(total) * 0.995
        var cumulative = 0
        var lower: Int?
        for (sample, count) in histogram.enumerated() where count > 0 {
            cumulative += count
            if lower == nil, Double(cumulative) > lowCut { lower = sample }
            if Double(cumulative) >= highCut { return sample - (lower ?? sample) + 1 }
        }
        return histogram.count
    }
}
