/// The per-tile steps of ``CLAHE``: counting a tile's histogram over raw rows, clipping it with
/// OpenCV's redistribution, and turning it into the tile's lookup table.
enum CLAHETileHistogram {
    /// Counts the samples of tile `(tileX, tileY)` into `counts` (`histogramSize` bins, overwritten).
    /// Padded positions read the image pixel that `columnMap` / `rowMap` (indexed by padded position)
    /// name; samples above the last bin count in the last bin.
    static func count(
        tileX: Int, tileY: Int, grid: CLAHETileGrid, source: UnsafePointer<UInt16>, sourceStride: Int,
        columnMap: [Int], rowMap: [Int], into counts: UnsafeMutableBufferPointer<UInt32>
    ) {
        guard let bins = counts.baseAddress else { return }
        bins.update(repeating: 0, count: counts.count)
        let lastBin = UInt16(truncatingIfNeeded: counts.count - 1)
        let firstColumn = tileX * grid.tileWidth
        let endColumn = firstColumn + grid.tileWidth
        let endInside = min(endColumn, grid.width)
        let firstPadded = max(firstColumn, grid.width)
        // Counts are at most the tile area, which `CLAHETileTables` checks is below 2^32, so `&+=` on
        // UInt32 cannot wrap; indices are `min(sample, lastBin) < counts.count`.
        for paddedRow in (tileY * grid.tileHeight)..<((tileY + 1) * grid.tileHeight) {
            let row = source + rowMap[paddedRow] * sourceStride
            if firstColumn < endInside {
                countRun(row + firstColumn, count: endInside - firstColumn, lastBin: lastBin, bins: bins)
            }
            if firstPadded < endColumn {
                for paddedColumn in firstPadded..<endColumn {
                    bins[Int(min(row[columnMap[paddedColumn]], lastBin))] &+= 1
                }
            }
        }
    }

    /// Counts `count` consecutive samples into `bins`, unrolled by four.
    @inline(__always)
    private static func countRun(
        _ samples: UnsafePointer<UInt16>, count: Int, lastBin: UInt16, bins: UnsafeMutablePointer<UInt32>
    ) {
        var index = 0
        // `index &+ 3 < count` cannot overflow: `count` is a row length, far below Int.max.
        while index &+ 3 < count {
            let s0 = min(samples[index], lastBin)
            let s1 = min(samples[index &+ 1], lastBin)
            let s2 = min(samples[index &+ 2], lastBin)
            let s3 = min(samples[index &+ 3], lastBin)
            bins[Int(s0)] &+= 1
            bins[Int(s1)] &+= 1
            bins[Int(s2)] &+= 1
            bins[Int(s3)] &+= 1
            index &+= 4
        }
        while index < count {
            bins[Int(min(samples[index], lastBin))] &+= 1
            index &+= 1
        }
    }

    /// Turns the raw histogram `counts` into the tile's lookup table `table` (same length): clips every
    /// bin at `clipCount` and hands the excess back as OpenCV does (`clipped / bins` to every bin, then
    /// the remainder one by one to bins `0, step, 2 step, ...` with `step = max(bins / remainder, 1)`;
    /// a `clipCount` of 0 means no clipping), then writes
    /// `table[v] = roundHalfEven(Float(cdf[v]) * scale)`, capped at the last bin, in single precision as
    /// OpenCV does. The table holds whole numbers as `Float`, ready for the interpolation. `counts` is
    /// left holding the redistributed histogram.
    static func makeTable(
        _ counts: UnsafeMutableBufferPointer<UInt32>, clipCount: Int, scale: Float,
        into table: UnsafeMutableBufferPointer<Float>
    ) {
        guard let bins = counts.baseAddress, let levels = table.baseAddress else { return }
        let binCount = counts.count
        if clipCount > 0 {
            let limit = UInt32(clamping: clipCount)
            // Each bin holds at most the tile area (< 2^32) and so does the excess summed over all bins,
            // so neither the `&-` (guarded by the comparison) nor the `&+=` wraps.
            var clipped = 0
            for bin in 0..<binCount {
                let count = bins[bin]
                clipped &+= Int(count > limit ? count &- limit : 0)
            }
            let batch = UInt32(clipped / binCount)
            var residual = clipped - Int(batch) * binCount
            // `min(count, limit) + batch` <= the tile area: the batch is part of the clipped excess.
            for bin in 0..<binCount { bins[bin] = min(bins[bin], limit) &+ batch }
            if residual > 0 {
                let step = max(binCount / residual, 1)
                var bin = 0
                while bin < binCount && residual > 0 {
                    bins[bin] &+= 1
                    bin &+= step
                    residual &-= 1
                }
            }
        }
        // (x + 1.5 * 2^23) - 1.5 * 2^23 rounds a Float in [0, 2^22) to a whole number, ties to even (the
        // FPU's default mode, as OpenCV's cvRound); cdf * scale <= tileArea * (bins - 1) / tileArea, plus
        // an ulp, <= 65535 is in that range. The redistributed counts sum to the tile area (< 2^32), so
        // the running sum does not wrap.
        let roundingBias: Float = 12_582_912
        let lastLevel = Float(binCount - 1)
        var sum = 0
        for bin in 0..<binCount {
            sum &+= Int(bins[bin])
            levels[bin] = min((Float(sum) * scale + roundingBias) - roundingBias, lastLevel)
        }
    }
}
