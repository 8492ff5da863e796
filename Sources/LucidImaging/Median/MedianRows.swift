/// Shared description of a median kernel's work unit: output rows `rows` of a `width x height` image
/// read from `source` (rows `sourceStride` elements apart) and written to `destination` (rows
/// `destinationStride` apart). Every kernel uses OpenCV `medianBlur`'s border, `BORDER_REPLICATE`:
/// row and column indices outside the image are clamped to the nearest edge.
struct MedianRows {
    let source: UnsafePointer<UInt16>
    let sourceStride: Int
    let destination: UnsafeMutablePointer<UInt16>
    let destinationStride: Int
    let width: Int
    let height: Int

    /// The source row `row` clamped into `0 ..< height` (replicate border).
    func sourceRow(_ row: Int) -> UnsafePointer<UInt16> {
        source + min(max(row, 0), height - 1) * sourceStride
    }

    /// The destination row `row` (`0 ..< height`).
    func destinationRow(_ row: Int) -> UnsafeMutablePointer<UInt16> {
        destination + row * destinationStride
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
