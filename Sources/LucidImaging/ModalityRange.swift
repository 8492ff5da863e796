/// The smallest and largest modality value (after the Modality LUT, PS3.3 C.11.1) among an image's
/// pixels, optionally ignoring pixel padding. Used for the no-VOI fallback
/// (`VOITransform.linearRange(lower: minimum, upper: maximum)`) and for reporting.
///
/// Computed over the distinct samples present, each mapped through the modality transform: with a
/// negative Rescale Slope or a non-monotonic Modality LUT the minimum modality value need not come
/// from the minimum sample.
public struct ModalityRange: Sendable, Equatable, Hashable {
    /// Smallest modality value present, modality units.
    public var minimum: Double
    /// Largest modality value present, modality units; `>= minimum`.
    public var maximum: Double

    public init(minimum: Double, maximum: Double) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The range of the modality values of the samples counted in `histogram`; nil when it is empty.
    public init?(histogram: SampleHistogram, modality: ModalityTransform) {
        var minimum = Double.infinity
        var maximum = -Double.infinity
        var found = false
        for (sample, count) in histogram.counts.enumerated() where count > 0 {
            let stored = histogram.encoding.storedValue(ofSample: UInt16(truncatingIfNeeded: sample))
            let value = modality.modalityValue(ofStored: stored)
            minimum = min(minimum, value)
            maximum = max(maximum, value)
            found = true
        }
        guard found else { return nil }
        self.init(minimum: minimum, maximum: maximum)
    }

    /// The range of modality values in `image`, leaving out pixels whose stored value is padding.
    /// - Returns: nil when every pixel is padding.
    public init?(
        image: GrayImage<UInt16>, encoding: StoredValueEncoding, modality: ModalityTransform,
        excluding padding: PixelPadding? = nil
    ) {
        var histogram = SampleHistogram(image: image, encoding: encoding)
        if let padding { histogram = histogram.excluding(padding) }
        self.init(histogram: histogram, modality: modality)
    }

    /// The VOI stage mapping this range linearly onto the whole output range (the fallback when a
    /// file gives no usable VOI; a constant image renders at the minimum level).
    public var linearVOI: VOITransform { .linearRange(lower: minimum, upper: maximum) }
}
