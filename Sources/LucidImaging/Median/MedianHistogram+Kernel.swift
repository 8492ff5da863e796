/// The median of large windows (9x9 and up) with Huang's sliding histogram on a two-level histogram.
///
/// Each output row slides a `size x size` window left to right: per step, one column of `size` samples
/// leaves and one enters (`2 * size` updates). The histogram has `2^bitsStored` fine bins and coarse
/// bins of `2^(bitsStored / 2)` fine bins each (64 bins of 64 for 12-bit data, 256 of 256 for 16-bit).
/// The median is tracked incrementally: `below` counts window samples under the current median, and
/// after each step the median moves up or down bin by bin, skipping whole coarse bins when it can.
/// Cost per pixel is `O(size)` updates plus a short walk, independent of the bit depth.
///
/// Samples above `2^bitsStored - 1` (outside the stated range) are treated as `2^bitsStored - 1`, so
/// memory is never indexed out of range.
struct MedianHistogram {
    /// Window side, odd, >= 3.
    let size: Int
    /// Significant bits of the samples, 1 ... 16.
    let bitsStored: Int

    /// Filters output rows `rows` (replicate border). Each call owns its histograms, so calls for
    /// disjoint row ranges may run concurrently.
    func filter(_ rows: Range<Int>, _ image: FilterBuffers) {
        let radius = size / 2
        let fineCount = 1 << bitsStored
        let coarseShift = bitsStored / 2
        let coarseCount = fineCount >> coarseShift
        let coarseMask = (1 << coarseShift) - 1
        let maximum = fineCount - 1
        // Counts never exceed size * size <= 255 * 255 = 65025, so `UInt32` bins cannot overflow and
        // `&+=` / `&-=` on them are exact.
        let fine = UnsafeMutablePointer<UInt32>.allocate(capacity: fineCount)
        let coarse = UnsafeMutablePointer<UInt32>.allocate(capacity: coarseCount)
        let lines = UnsafeMutablePointer<UnsafePointer<UInt16>>.allocate(capacity: size)
        defer {
            fine.deallocate()
            coarse.deallocate()
            lines.deallocate()
        }
        fine.initialize(repeating: 0, count: fineCount)
        coarse.initialize(repeating: 0, count: coarseCount)
        let rank = UInt32(size * size / 2)
        let lastColumn = image.width - 1
        for row in rows {
            for index in 0..<size {
                lines[index] = image.clampedRow(row - radius + index)
            }
            var median = 0
            var below: UInt32 = 0
            // Adds (`step` 1) or removes (`step` UInt32.max, i.e. -1 wrapping) column `column` clamped.
            func update(column: Int, step: UInt32) {
                let clamped = min(max(column, 0), lastColumn)
                for index in 0..<size {
                    let value = min(Int(lines[index][clamped]), maximum)
                    fine[value] &+= step
                    coarse[value >> coarseShift] &+= step
                    if value < median { below &+= step }
                }
            }
            for column in -radius...radius {
                update(column: column, step: 1)
            }
            // The first median of the row: scan the coarse bins, then the fine bins of the chosen one.
            below = 0
            var coarseIndex = 0
            while below + coarse[coarseIndex] <= rank {
                below += coarse[coarseIndex]
                coarseIndex += 1
            }
            median = coarseIndex << coarseShift
            while below + fine[median] <= rank {
                below += fine[median]
                median += 1
            }
            let output = image.destinationRow(row)
            output[0] = UInt16(truncatingIfNeeded: median)
            for column in stride(from: 1, through: lastColumn, by: 1) {
                update(column: column - radius - 1, step: UInt32.max)
                update(column: column + radius, step: 1)
                // Invariant wanted: below <= rank < below + fine[median].
                while below > rank {
                    if median & coarseMask == 0, below - coarse[(median >> coarseShift) - 1] > rank {
                        median -= coarseMask + 1
                        below -= coarse[median >> coarseShift]
                    } else {
                        median -= 1
                        below -= fine[median]
                    }
                }
                while below + fine[median] <= rank {
                    below += fine[median]
                    median += 1
                    while median & coarseMask == 0, median < fineCount,
                        below + coarse[median >> coarseShift] <= rank
                    {
                        below += coarse[median >> coarseShift]
                        median += coarseMask + 1
                    }
                }
                output[column] = UInt16(truncatingIfNeeded: median)
            }
            for column in (lastColumn - radius)...(lastColumn + radius) {
                update(column: column, step: UInt32.max)
            }
        }
    }
}
