/// Pixel Padding Value (0028,0120) and, when present, Pixel Padding Range Limit (0028,0121):
/// stored values that mark pixels outside the imaged object (PS3.3 C.7.5.1.1.2). They are excluded
/// from statistics and from automatic windowing.
///
/// Both values are *stored* values (before the Modality LUT), signed when Pixel Representation is 1.
/// The padded range runs from the smaller to the larger of the two, inclusive; PS3.3 allows the limit
/// on either side of the padding value.
public struct PixelPadding: Sendable, Equatable, Hashable {
    /// Pixel Padding Value (0028,0120), a stored value.
    public var value: Int
    /// Pixel Padding Range Limit (0028,0121), a stored value; nil when only a single value is padding.
    public var rangeLimit: Int?

    public init(value: Int, rangeLimit: Int? = nil) {
        self.value = value
        self.rangeLimit = rangeLimit
    }

    /// The padded stored values, inclusive.
    public var storedRange: ClosedRange<Int> {
        let limit = rangeLimit ?? value
        return min(value, limit)...max(value, limit)
    }

    /// The padded *samples* (offset binary, see ``StoredValueEncoding``) that `encoding` can hold,
    /// or nil when no representable stored value is padding.
    public func sampleRange(in encoding: StoredValueEncoding) -> ClosedRange<Int>? {
        let stored = storedRange
        let lower = max(stored.lowerBound, encoding.minimumStoredValue)
        let upper = min(stored.upperBound, encoding.maximumStoredValue)
        guard lower <= upper else { return nil }
        return (lower + encoding.offset)...(upper + encoding.offset)
    }
}
