/// The 3x3 median. Each column of three is sorted; the median of the nine samples is then
/// `median3(max of the column minima, median of the column medians, min of the column maxima)`
/// (30 min/max operations, no branches), evaluated 16 columns at a time by LLVM's vectoriser.
enum Median3x3 {
    /// Filters output rows `rows` (replicate border).
    static func filter(_ rows: Range<Int>, _ image: MedianRows) {
        let width = image.width
        for row in rows {
            let above = image.sourceRow(row - 1)
            let centre = image.sourceRow(row)
            let below = image.sourceRow(row + 1)
            let output = image.destinationRow(row)
            output[0] = median(above, centre, below, left: 0, middle: 0, right: min(1, width - 1))
            if width > 1 {
                output[width - 1] = median(
                    above, centre, below, left: width - 2, middle: width - 1, right: width - 1)
            }
            // Interior columns 1 ... width - 2: neighbours x - 1 and x + 1 are inside the row, and
            // x + 1 < width, so the wrapping index arithmetic cannot overflow.
            var column = 1
            while column < width &- 1 {
                output[column] = median(
                    above, centre, below, left: column &- 1, middle: column, right: column &+ 1)
                column &+= 1
            }
        }
    }

    /// The median of the 3x3 window made of columns `left`, `middle`, `right` of three rows.
    @inline(__always)
    static func median(
        _ above: UnsafePointer<UInt16>, _ centre: UnsafePointer<UInt16>, _ below: UnsafePointer<UInt16>,
        left: Int, middle: Int, right: Int
    ) -> UInt16 {
        let (low0, mid0, high0) = MedianNetwork.sort3(above[left], centre[left], below[left])
        let (low1, mid1, high1) = MedianNetwork.sort3(above[middle], centre[middle], below[middle])
        let (low2, mid2, high2) = MedianNetwork.sort3(above[right], centre[right], below[right])
        let largestLow = Swift.max(Swift.max(low0, low1), low2)
        let smallestHigh = Swift.min(Swift.min(high0, high1), high2)
        let middleMedian = MedianNetwork.median3(mid0, mid1, mid2)
        return MedianNetwork.median3(largestLow, middleMedian, smallestHigh)
    }
}
