/// The 3x3 median, two output rows per pass over chunks of at most `chunkColumns` columns.
///
/// Output rows `y` and `y + 1` read source rows `y - 1 ... y + 2`; their windows share rows `y` and
/// `y + 1`. Per column, that shared pair is ordered once (2 min/max), and each of the two columns of
/// three is completed from it (4 min/max each): 5 operations per column per output row. The sorted
/// columns go to six L1-resident rank rows (low, middle, high for each output row). Each output is then
/// `median3(max of the 3 lows, median3 of the 3 middles, min of the 3 highs)`, 12 operations.
/// All loops are branch-free scalar code on `UInt16` that LLVM evaluates 16 columns at a time.
/// Border: replicate (positions outside the image repeat the nearest column or row).
enum Median3x3 {
    /// Output columns per chunk.
    static let chunkColumns = 1024
    /// Distance between rank rows, in samples: a multiple of 16 (32 bytes) of at least
    /// `chunkColumns + 2 + 15` (a chunk, its two border positions and an alignment shift). A literal, so
    /// the loops index with constant offsets. Six rank rows take about 12 KiB.
    static let rankStride = 1056

    /// Filters output rows `rows` (replicate border).
    static func filter(_ rows: Range<Int>, _ image: MedianRows) {
        let width = image.width
        let chunk = min(width, chunkColumns)
        // Six rank rows, then a scratch row that takes the second output of a lone last row.
        let raw = UnsafeMutableRawPointer.allocate(byteCount: 2 * (6 * rankStride + chunkColumns), alignment: 64)
        defer { raw.deallocate() }
        let buffer = raw.bindMemory(to: UInt16.self, capacity: 6 * rankStride + chunkColumns)
        let scratch = buffer + 6 * rankStride
        var row = rows.lowerBound
        while row < rows.upperBound {
            let pair = row + 1 < rows.upperBound
            let lines = (
                image.sourceRow(row - 1), image.sourceRow(row), image.sourceRow(row + 1), image.sourceRow(row + 2)
            )
            let upperOutput = image.destinationRow(row)
            let lowerOutput = pair ? image.destinationRow(row + 1) : nil
            var first = 0
            while first < width {
                let count = min(chunk, width - first)
                // Rank position p holds column clamp(first - 1 + p), p in 0 ..< count + 2.
                let interior = max(first - 1, 0)..<min(first + count + 1, width)
                let firstPosition = interior.lowerBound - (first - 1)
                // Shift the rank rows by 0 ... 15 samples so that the sweep stores to them with the
                // same 32-byte alignment as it loads the source row (no extra cache-line splits).
                let sourceShift = Int(UInt(bitPattern: lines.1 + interior.lowerBound) >> 1) & 15
                let ranks = buffer + ((sourceShift - firstPosition) & 15)
                sortColumnPairs(
                    lines, firstColumn: interior.lowerBound, count: interior.count, into: ranks + firstPosition)
                if firstPosition == 1 {
                    copyPosition(ranks, from: 1, to: 0)
                }
                let lastPosition = interior.upperBound - (first - 1)
                if lastPosition == count + 1 {
                    copyPosition(ranks, from: count, to: count + 1)
                }
                medianRow(ranks, into: upperOutput + first, count: count)
                medianRow(ranks + 3 * rankStride, into: lowerOutput.map { $0 + first } ?? scratch, count: count)
                first += count
            }
            row += pair ? 2 : 1
        }
    }

    /// Copies rank position `from` to `to` in all six rank rows (a replicated border column).
    static func copyPosition(_ ranks: UnsafeMutablePointer<UInt16>, from: Int, to: Int) {
        for rank in 0..<6 {
            ranks[rank * rankStride + to] = ranks[rank * rankStride + from]
        }
    }

    /// For `i` in `0 ..< count`, with `(a, b, c, d)` the samples of column `firstColumn + i` in the four
    /// `lines`: stores the sorted `(a, b, c)` at `ranks[k * rankStride + i]` and the sorted `(b, c, d)` at
    /// `ranks[(3 + k) * rankStride + i]`, `k` = 0 (low), 1 (middle), 2 (high). The caller keeps
    /// `firstColumn + count <= width` and `count <= rankStride`, so the wrapping index arithmetic cannot
    /// overflow and every index is inside the rows and `ranks`.
    static func sortColumnPairs(
        _ lines: (UnsafePointer<UInt16>, UnsafePointer<UInt16>, UnsafePointer<UInt16>, UnsafePointer<UInt16>),
        firstColumn: Int, count: Int, into ranks: UnsafeMutablePointer<UInt16>
    ) {
        let top = lines.0 + firstColumn
        let upper = lines.1 + firstColumn
        let lower = lines.2 + firstColumn
        let bottom = lines.3 + firstColumn
        var i = 0
        while i < count {
            let (sharedLow, sharedHigh) = MedianNetwork.ordered(upper[i], lower[i])
            let a = top[i]
            let d = bottom[i]
            ranks[i] = Swift.min(a, sharedLow)
            ranks[rankStride &+ i] = Swift.max(sharedLow, Swift.min(a, sharedHigh))
            ranks[2 &* rankStride &+ i] = Swift.max(a, sharedHigh)
            ranks[3 &* rankStride &+ i] = Swift.min(d, sharedLow)
            ranks[4 &* rankStride &+ i] = Swift.max(sharedLow, Swift.min(d, sharedHigh))
            ranks[5 &* rankStride &+ i] = Swift.max(d, sharedHigh)
            i &+= 1
        }
    }

    /// For `x` in `0 ..< count`: `output[x]` = the median of sorted columns `x ... x + 2` (rank rows
    /// low, middle, high at `ranks`, `ranks + rankStride`, `ranks + 2 * rankStride`). The caller
    /// guarantees `count + 2 <= rankStride`, so every index is inside `ranks`.
    static func medianRow(
        _ ranks: UnsafePointer<UInt16>, into output: UnsafeMutablePointer<UInt16>, count: Int
    ) {
        let low = ranks
        let middle = ranks + rankStride
        let high = ranks + 2 * rankStride
        var x = 0
        while x < count {
            let largestLow = Swift.max(Swift.max(low[x], low[x &+ 1]), low[x &+ 2])
            let smallestHigh = Swift.min(Swift.min(high[x], high[x &+ 1]), high[x &+ 2])
            let middleMedian = MedianNetwork.median3(middle[x], middle[x &+ 1], middle[x &+ 2])
            output[x] = MedianNetwork.median3(largestLow, middleMedian, smallestHigh)
            x &+= 1
        }
    }
}
