/// The 7x7 median in two sweeps per output row:
/// 1. sort each column of 7 samples into 7 rank rows, padded by 3 replicated columns on each side
///    (`sortColumns`);
/// 2. take the median of 7 consecutive sorted columns for each output (`medianRow`).
/// Both are generated and verified by `generate_median_networks.py`: branch-free scalar code that
/// LLVM evaluates 16 columns at a time with AVX2.
enum MedianSortedColumns {
    /// Filters output rows `rows` with a 7x7 window (replicate border).
    static func filter7x7(_ rows: Range<Int>, _ image: FilterBuffers) {
        let radius = 3
        let width = image.width
        let stride = width + 2 * radius
        let ranks = UnsafeMutablePointer<UInt16>.allocate(capacity: 7 * stride)
        defer { ranks.deallocate() }
        // Padded position p holds column clamp(p - radius): the border positions one at a time, then the
        // interior `width` columns in one sweep.
        let borders = Array(0..<radius) + Array((width + radius)..<stride)
        for row in rows {
            let lines = (
                image.clampedRow(row - 3), image.clampedRow(row - 2), image.clampedRow(row - 1),
                image.clampedRow(row), image.clampedRow(row + 1), image.clampedRow(row + 2),
                image.clampedRow(row + 3)
            )
            for padded in borders {
                let column = min(max(padded - radius, 0), width - 1)
                Median7x7.sortColumns(
                    lines, firstColumn: column, count: 1, into: ranks, stride: stride, firstPadded: padded)
            }
            Median7x7.sortColumns(
                lines, firstColumn: 0, count: width, into: ranks, stride: stride, firstPadded: radius)
            Median7x7.medianRow(ranks, stride: stride, into: image.destinationRow(row), count: width)
        }
    }
}

/// Namespace of the generated 7x7 networks.
enum Median7x7 {}
