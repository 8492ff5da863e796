extension Window {
    /// The lower percentile of the automatic window, in per mille (5 = 0.5th percentile, nearest rank).
    public static let automaticLowerPerMille = 5
    /// The upper percentile of the automatic window, in per mille (995 = 99.5th percentile, nearest rank).
    public static let automaticUpperPerMille = 995

    /// The explanation given to automatic windows.
    public static let automaticExplanation = "AUTO p0.5-p99.5"

    /// Lucid's `auto` window for `image`: LINEAR, spanning the 0.5th to the 99.5th percentile of the
    /// modality values of the pixels that are not padding, declared (`padding`) or evident (an
    /// out-of-field fill, see ``automatic(histogram:modality:)``).
    ///
    /// See ``automatic(histogram:modality:)`` for the rule. When `padding` covers every pixel the
    /// padding is not excluded, so an all-padding image still gets a window.
    public static func automatic(
        image: GrayImage<UInt16>, encoding: StoredValueEncoding, modality: ModalityTransform,
        padding: PixelPadding? = nil
    ) -> Window {
        let histogram = SampleHistogram(image: image, encoding: encoding)
        if let padding, let window = automatic(histogram: histogram.excluding(padding), modality: modality) {
            return window
        }
        // A GrayImage has at least one pixel, so the full histogram is never empty.
        return automatic(histogram: histogram, modality: modality)
            ?? Window(center: 0.5, width: 1, function: .linear, explanation: automaticExplanation)
    }

    /// The automatic window for the samples counted in `histogram` (exclude padding beforehand with
    /// ``SampleHistogram/excluding(_:)``); nil when the histogram is empty.
    ///
    /// Rule: with `N` counted pixels sorted by modality value, `low` is the value of rank
    /// `max(1, ceil(0.005 N))` and `high` the value of rank `max(1, ceil(0.995 N))` (nearest-rank
    /// percentiles). The LINEAR window (PS3.3 C.11.2.1.2.1) is `width = high - low + 1`,
    /// `center = (low + high) / 2 + 0.5`, so that its ramp runs exactly from `low` (minimum output)
    /// to `high` (maximum output); width is always >= 1. A constant image gives width 1 with the
    /// LINEAR threshold `center - 0.5` on the value itself, so it renders at the minimum level, as the
    /// min/max fallback does.
    ///
    /// Before the percentiles, an out-of-field fill is left out, declared as padding or not: Pixel
    /// Padding Value (PS3.3 C.7.5.1.1.2) marks the pixels outside the imaged object, but scanners
    /// often fill the corners outside a CT's reconstruction circle with one extreme value (-2000 or
    /// -3024 HU on GE and Siemens CT) without declaring it, or declare another value. Such a fill is
    /// recognised by its shape: the lowest (or highest) value present, held by at least 1% of the
    /// pixels, with no pixel between it and the next value present over at least a quarter of the
    /// range of values present. An object's own extremes (air at -1000 HU, an MR background at 0)
    /// sit next to the values around them and stay in.
    public static func automatic(histogram: SampleHistogram, modality: ModalityTransform) -> Window? {
        let values = Array(withoutOutOfFieldFill(histogram.modalityValueCounts(modality: modality)))
        let total = values.reduce(0) { $0 + $1.count }
        guard total > 0 else { return nil }
        let lowerRank = max(1, (automaticLowerPerMille * total + 999) / 1000)
        let upperRank = max(1, (automaticUpperPerMille * total + 999) / 1000)
        var low = values[0].modalityValue
        var high = values[values.count - 1].modalityValue
        var cumulative = 0
        var foundLow = false
        for entry in values {
            cumulative += entry.count
            if !foundLow, cumulative >= lowerRank {
                low = entry.modalityValue
                foundLow = true
            }
            if cumulative >= upperRank {
                high = entry.modalityValue
                break
            }
        }
        return Window(
            center: (low + high) / 2 + 0.5, width: high - low + 1, function: .linear,
            explanation: automaticExplanation)
    }

    /// `values` (modality values with their pixel counts, ascending) without an isolated extreme
    /// value at either end: see ``automatic(histogram:modality:)``. At least two values stay.
    static func withoutOutOfFieldFill(
        _ values: [(modalityValue: Double, count: Int)]
    ) -> ArraySlice<(modalityValue: Double, count: Int)> {
        guard values.count >= 3 else { return values[...] }
        let total = values.reduce(0) { $0 + $1.count }
        let span = values[values.count - 1].modalityValue - values[0].modalityValue
        func isFill(_ fill: (modalityValue: Double, count: Int), nextValue: Double) -> Bool {
            fill.count * 100 >= total && abs(nextValue - fill.modalityValue) * 4 >= span
        }
        var lower = 0
        var upper = values.count - 1
        if isFill(values[lower], nextValue: values[lower + 1].modalityValue) { lower += 1 }
        if upper - lower >= 2, isFill(values[upper], nextValue: values[upper - 1].modalityValue) { upper -= 1 }
        return values[lower...upper]
    }
}
