/// The border every median kernel reads with: OpenCV `medianBlur`'s `BORDER_REPLICATE`, row and column
/// indices outside the image clamped to the nearest edge.
extension FilterBuffers {
    /// The source row `row` clamped into `0 ..< height` (replicate border).
    @inline(__always)
    func clampedRow(_ row: Int) -> UnsafePointer<UInt16> {
        sourceRow(min(max(row, 0), height - 1))
    }
}

/// Compare-exchange helpers on scalars; in row loops LLVM turns them into packed unsigned 16-bit
/// `vpminuw`/`vpmaxuw` over 16 columns at a time.
enum MedianNetwork {
    /// `(min(a, b), max(a, b))`.
    @inline(__always)
    static func ordered(_ a: UInt16, _ b: UInt16) -> (UInt16, UInt16) {
        (Swift.min(a, b), Swift.max(a, b))
    }

    /// The median of three samples.
    @inline(__always)
    static func median3(_ a: UInt16, _ b: UInt16, _ c: UInt16) -> UInt16 {
        Swift.max(Swift.min(a, b), Swift.min(Swift.max(a, b), c))
    }

    /// The three samples sorted ascending.
    @inline(__always)
    static func sort3(_ a: UInt16, _ b: UInt16, _ c: UInt16) -> (UInt16, UInt16, UInt16) {
        let (low, high) = ordered(a, b)
        let top = Swift.max(high, c)
        let rest = Swift.min(high, c)
        return (Swift.min(low, rest), Swift.max(low, rest), top)
    }
}
