/// The 5x5 median in two sweeps per output row:
/// 1. sort each column of five samples (a 9-exchange network) into five rank rows, padded by two
///    replicated columns on each side;
/// 2. take the median of five consecutive sorted columns with `medianOfSortedColumns` (124 min/max
///    operations, generated and verified by `generate_median5x5_network.py`).
/// Both sweeps are branch-free scalar code that LLVM evaluates 16 columns at a time.
enum Median5x5 {
    /// Filters output rows `rows` (replicate border).
    static func filter(_ rows: Range<Int>, _ image: MedianRows) {
        let width = image.width
        let paddedWidth = width + 4
        let ranks = UnsafeMutablePointer<UInt16>.allocate(capacity: 5 * paddedWidth)
        defer { ranks.deallocate() }
        let rank0 = ranks
        let rank1 = ranks + paddedWidth
        let rank2 = ranks + 2 * paddedWidth
        let rank3 = ranks + 3 * paddedWidth
        let rank4 = ranks + 4 * paddedWidth
        for row in rows {
            let lines = (
                image.sourceRow(row - 2), image.sourceRow(row - 1), image.sourceRow(row),
                image.sourceRow(row + 1), image.sourceRow(row + 2)
            )
            // Padded position p holds column clamp(p - 2); p < width + 4, so `&+` cannot overflow.
            func sortColumn(_ padded: Int, column: Int) {
                let sorted = sort5(lines.0[column], lines.1[column], lines.2[column], lines.3[column], lines.4[column])
                rank0[padded] = sorted.0
                rank1[padded] = sorted.1
                rank2[padded] = sorted.2
                rank3[padded] = sorted.3
                rank4[padded] = sorted.4
            }
            for padded in [0, 1, width + 2, width + 3] {
                sortColumn(padded, column: min(max(padded - 2, 0), width - 1))
            }
            var column = 0
            while column < width {
                let sorted = sort5(lines.0[column], lines.1[column], lines.2[column], lines.3[column], lines.4[column])
                let padded = column &+ 2
                rank0[padded] = sorted.0
                rank1[padded] = sorted.1
                rank2[padded] = sorted.2
                rank3[padded] = sorted.3
                rank4[padded] = sorted.4
                column &+= 1
            }
            let output = image.destinationRow(row)
            // Output x uses padded positions x ... x + 4 < width + 4.
            var x = 0
            while x < width {
                let (p0, p1, p2, p3, p4) = (x, x &+ 1, x &+ 2, x &+ 3, x &+ 4)
                output[x] = medianOfSortedColumns(
                    rank0[p0], rank1[p0], rank2[p0], rank3[p0], rank4[p0],
                    rank0[p1], rank1[p1], rank2[p1], rank3[p1], rank4[p1],
                    rank0[p2], rank1[p2], rank2[p2], rank3[p2], rank4[p2],
                    rank0[p3], rank1[p3], rank2[p3], rank3[p3], rank4[p3],
                    rank0[p4], rank1[p4], rank2[p4], rank3[p4], rank4[p4])
                x &+= 1
            }
        }
    }

    /// Five samples sorted ascending with the optimal 9-comparator network.
    @inline(__always)
    static func sort5(
        _ a0: UInt16, _ a1: UInt16, _ a2: UInt16, _ a3: UInt16, _ a4: UInt16
    ) -> (UInt16, UInt16, UInt16, UInt16, UInt16) {
        var (s0, s1, s2, s3, s4) = (a0, a1, a2, a3, a4)
        (s0, s1) = MedianNetwork.ordered(s0, s1)
        (s3, s4) = MedianNetwork.ordered(s3, s4)
        (s2, s4) = MedianNetwork.ordered(s2, s4)
        (s2, s3) = MedianNetwork.ordered(s2, s3)
        (s0, s3) = MedianNetwork.ordered(s0, s3)
        (s0, s2) = MedianNetwork.ordered(s0, s2)
        (s1, s4) = MedianNetwork.ordered(s1, s4)
        (s1, s3) = MedianNetwork.ordered(s1, s3)
        (s1, s2) = MedianNetwork.ordered(s1, s2)
        return (s0, s1, s2, s3, s4)
    }
}
