/// The 3x3 median, two output rows per sweep.
///
/// Output rows `y` and `y + 1` read source rows `y - 1 ... y + 2`; their windows share rows `y` and
/// `y + 1`. Per column, that shared pair is ordered once (2 min/max), and each of the two columns of
/// three is completed from it (4 min/max each). Each output is then
/// `median3(max of the 3 column lows, median3 of the 3 middles, min of the 3 highs)`, 12 operations.
/// The three columns of each window are sorted where they are used (27 operations per output), so
/// the sweep reads the source rows once, evenly interleaved with the arithmetic: on images larger
/// than the caches this beats sorting each column once into a buffer in a separate sweep, whose
/// bursts of loads stall on memory. Branch-free scalar code on `UInt16` that LLVM evaluates 16
/// columns at a time.
/// Border: replicate (positions outside the image repeat the nearest column or row).
enum Median3x3 {
    /// Filters output rows `rows` (replicate border).
    static func filter(_ rows: Range<Int>, _ image: FilterBuffers) {
        let width = image.width
        // Takes the second output of a lone last row.
        let scratch = UnsafeMutablePointer<UInt16>.allocate(capacity: width)
        defer { scratch.deallocate() }
        var row = rows.lowerBound
        while row < rows.upperBound {
            let lines = (
                image.clampedRow(row - 1), image.clampedRow(row), image.clampedRow(row + 1), image.clampedRow(row + 2)
            )
            let upper = image.destinationRow(row)
            let lower = row + 1 < rows.upperBound ? image.destinationRow(row + 1) : scratch
            // Border columns with clamped neighbours, then the interior 1 ... width - 2.
            borderColumn(0, lines, upper: upper, lower: lower, width: width)
            if width > 1 {
                borderColumn(width - 1, lines, upper: upper, lower: lower, width: width)
            }
            interiorRows(lines, upper: upper, lower: lower, width: width)
            row += 2
        }
    }

    /// Output column `column` of the two rows, its neighbours clamped into `0 ..< width`.
    static func borderColumn(
        _ column: Int, _ lines: SourceLines, upper: UnsafeMutablePointer<UInt16>, lower: UnsafeMutablePointer<UInt16>,
        width: Int
    ) {
        let (first, second) = medians(
            lines, left: max(column - 1, 0), middle: column, right: min(column + 1, width - 1))
        upper[column] = first
        lower[column] = second
    }

    /// Output columns `1 ..< width - 1` of the two rows. Their neighbours `x - 1` and `x + 1` are inside
    /// the rows, and `x + 1 < width`, so the wrapping index arithmetic cannot overflow.
    static func interiorRows(
        _ lines: SourceLines, upper: UnsafeMutablePointer<UInt16>, lower: UnsafeMutablePointer<UInt16>, width: Int
    ) {
        var x = 1
        while x < width &- 1 {
            let (first, second) = medians(lines, left: x &- 1, middle: x, right: x &+ 1)
            upper[x] = first
            lower[x] = second
            x &+= 1
        }
    }

    /// The four source rows `y - 1 ... y + 2` of output rows `y` and `y + 1`.
    typealias SourceLines = (UnsafePointer<UInt16>, UnsafePointer<UInt16>, UnsafePointer<UInt16>, UnsafePointer<UInt16>)

    /// The medians of the 3x3 windows of output rows `y` (source rows `lines.0 ... lines.2`) and `y + 1`
    /// (`lines.1 ... lines.3`) made of columns `left`, `middle`, `right`.
    @inline(__always)
    static func medians(_ lines: SourceLines, left: Int, middle: Int, right: Int) -> (UInt16, UInt16) {
        let column0 = sortedColumns(lines, left)
        let column1 = sortedColumns(lines, middle)
        let column2 = sortedColumns(lines, right)
        return (
            median(column0.upper, column1.upper, column2.upper), median(column0.lower, column1.lower, column2.lower)
        )
    }

    /// A column of three, sorted ascending.
    typealias SortedColumn = (low: UInt16, middle: UInt16, high: UInt16)

    /// Column `column` of the windows of both output rows, sorted: `upper` from `lines.0 ... lines.2`,
    /// `lower` from `lines.1 ... lines.3`. The shared pair is ordered once: 10 min/max.
    @inline(__always)
    static func sortedColumns(_ lines: SourceLines, _ column: Int) -> (upper: SortedColumn, lower: SortedColumn) {
        let a = lines.0[column]
        let d = lines.3[column]
        let (sharedLow, sharedHigh) = MedianNetwork.ordered(lines.1[column], lines.2[column])
        let upper = (
            Swift.min(a, sharedLow), Swift.max(sharedLow, Swift.min(a, sharedHigh)), Swift.max(a, sharedHigh)
        )
        let lower = (
            Swift.min(d, sharedLow), Swift.max(sharedLow, Swift.min(d, sharedHigh)), Swift.max(d, sharedHigh)
        )
        return (upper, lower)
    }

    /// The median of the nine samples of three sorted columns: 12 min/max.
    @inline(__always)
    static func median(_ column0: SortedColumn, _ column1: SortedColumn, _ column2: SortedColumn) -> UInt16 {
        let largestLow = Swift.max(Swift.max(column0.low, column1.low), column2.low)
        let smallestHigh = Swift.min(Swift.min(column0.high, column1.high), column2.high)
        let middleMedian = MedianNetwork.median3(column0.middle, column1.middle, column2.middle)
        return MedianNetwork.median3(largestLow, middleMedian, smallestHigh)
    }
}
