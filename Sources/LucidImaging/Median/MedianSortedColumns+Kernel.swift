/// The 5x5 and 7x7 medians in two sweeps per output row:
/// 1. sort each column of `n` samples into `n` rank rows, padded by `n / 2` replicated columns on
///    each side (`sortColumns`);
/// 2. take the median of `n` consecutive sorted columns for each output (`medianRow`).
/// Both are generated and verified by `generate_median_networks.py`: branch-free scalar code that
/// LLVM evaluates 16 columns at a time with AVX2.
enum MedianSortedColumns {
    /// Filters output rows `rows` with an `n x n` window, `n` 5 or 7 (replicate border).
    static func filter(_ rows: Range<Int>, _ image: MedianRows, size: Int) {
        precondition(size == 5 || size == 7)
        let radius = size / 2
        let width = image.width
        let stride = width + 2 * radius
        let ranks = UnsafeMutablePointer<UInt16>.allocate(capacity: size * stride)
        defer { ranks.deallocate() }
        for row in rows {
            // Padded position p holds column clamp(p - radius): the border positions one at a time,
            // then the interior `width` columns in one sweep.
            let borders = Array(0..<radius) + Array((width + radius)..<stride)
            if size == 5 {
                let lines = (
                    image.sourceRow(row - 2), image.sourceRow(row - 1), image.sourceRow(row),
                    image.sourceRow(row + 1), image.sourceRow(row + 2)
                )
                for padded in borders {
                    let column = min(max(padded - radius, 0), width - 1)
                    Median5x5.sortColumns(
                        lines, firstColumn: column, count: 1, into: ranks, stride: stride, firstPadded: padded)
                }
                Median5x5.sortColumns(
                    lines, firstColumn: 0, count: width, into: ranks, stride: stride, firstPadded: radius)
                Median5x5.medianRow(ranks, stride: stride, into: image.destinationRow(row), count: width)
            } else {
                let lines = (
                    image.sourceRow(row - 3), image.sourceRow(row - 2), image.sourceRow(row - 1),
                    image.sourceRow(row), image.sourceRow(row + 1), image.sourceRow(row + 2),
                    image.sourceRow(row + 3)
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
}

/// Namespace of the generated 5x5 networks.
enum Median5x5 {}

/// Namespace of the generated 7x7 networks.
enum Median7x7 {}
