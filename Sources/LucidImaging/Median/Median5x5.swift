/// The 5x5 median, two output rows per pass over chunks of at most `chunkColumns` output columns, so
/// the intermediate rank rows stay in the L1 cache.
///
/// Output rows `y` and `y + 1` share the 20 samples of rows `y - 1 ... y + 2` in each window; row `y`
/// adds 5 samples of row `y - 2`, row `y + 1` 5 samples of row `y + 3`. Once the 5 extra samples join,
/// only ranks 7 ... 12 of the 20 shared samples can still be the median (rank 12 of 25): 7 shared
/// samples are below them and 7 above. So per pair of rows:
/// 1. sort each column of the 4 shared rows (`sortColumns`, 10 min/max per column);
/// 2. merge adjacent sorted columns into 8 rank rows (`mergeColumnPairs`, 18 per position), shared by
///    the windows that contain both columns;
/// 3. per window position, keep ranks 7 ... 12 of the 20 shared samples (`sharedCandidates`, 70);
/// 4. per output, the median is rank 5 of those 6 and the 5 extra samples (`medianRow`, 28).
/// About 77 branch-free min/max per pixel, generated and verified by `generate_median_networks.py`
/// and evaluated 16 columns at a time with AVX2.
/// Border: replicate (positions outside the image repeat the nearest column or row).
enum Median5x5 {
    /// Output columns per chunk.
    static let chunkColumns = 512
    /// Distance between rank rows, in samples: at least `chunkColumns + 4` (a chunk and its four border
    /// positions). A literal, so the generated loops index with constant offsets and the vectoriser
    /// needs no overlap checks per row. 20 rank rows of it take about 20 KiB.
    static let rankStride = 520

    /// Filters output rows `rows` (replicate border).
    static func filter(_ rows: Range<Int>, _ image: FilterBuffers) {
        let width = image.width
        // Separate allocations, so the optimiser sees that the sweeps' reads and writes cannot overlap.
        let ranks = UnsafeMutablePointer<UInt16>.allocate(capacity: 4 * rankStride)
        let pairs = UnsafeMutablePointer<UInt16>.allocate(capacity: 8 * rankStride)
        let candidates = UnsafeMutablePointer<UInt16>.allocate(capacity: 6 * rankStride)
        let extras = UnsafeMutablePointer<UInt16>.allocate(capacity: 2 * rankStride)
        // Takes the second output of a lone last row.
        let scratch = UnsafeMutablePointer<UInt16>.allocate(capacity: chunkColumns)
        defer {
            ranks.deallocate()
            pairs.deallocate()
            candidates.deallocate()
            extras.deallocate()
            scratch.deallocate()
        }
        var row = rows.lowerBound
        while row < rows.upperBound {
            let pair = row + 1 < rows.upperBound
            let shared = (
                image.clampedRow(row - 1), image.clampedRow(row), image.clampedRow(row + 1), image.clampedRow(row + 2)
            )
            let above = image.clampedRow(row - 2)
            let below = image.clampedRow(row + 3)
            let upperOutput = image.destinationRow(row)
            let lowerOutput = pair ? image.destinationRow(row + 1) : nil
            var first = 0
            while first < width {
                let count = min(chunkColumns, width - first)
                // Position p of the rank rows and extra rows holds column clamp(first - 2 + p), p in
                // 0 ..< count + 4: the columns inside the image in one sweep, then the border positions.
                let interior = max(first - 2, 0)..<min(first + count + 2, width)
                let firstPosition = interior.lowerBound - (first - 2)
                sortColumns(
                    shared, firstColumn: interior.lowerBound, count: interior.count, into: ranks,
                    firstPadded: firstPosition)
                (extras + firstPosition).update(from: above + interior.lowerBound, count: interior.count)
                (extras + rankStride + firstPosition).update(from: below + interior.lowerBound, count: interior.count)
                let borderPositions =
                    Array(0..<firstPosition) + Array((firstPosition + interior.count)..<(count + 4))
                for position in borderPositions {
                    let column = min(max(first - 2 + position, 0), width - 1)
                    sortColumns(shared, firstColumn: column, count: 1, into: ranks, firstPadded: position)
                    extras[position] = above[column]
                    extras[rankStride + position] = below[column]
                }
                mergeColumnPairs(ranks, into: pairs, count: count + 2)
                sharedCandidates(pairs: pairs, ranks: ranks, into: candidates, count: count)
                medianRow(candidates: candidates, extra: extras, into: upperOutput + first, count: count)
                medianRow(
                    candidates: candidates, extra: extras + rankStride,
                    into: lowerOutput.map { $0 + first } ?? scratch, count: count)
                first += count
            }
            row += pair ? 2 : 1
        }
    }
}
