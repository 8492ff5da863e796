/// The counting kernel behind ``Histogram``: per-thread partial histograms over disjoint row
/// blocks, summed at the end.
enum HistogramKernels {
    /// Counts `image`'s samples into `binCount` bins (a power of two, 2...65,536); samples at or
    /// above `binCount` go to the last bin.
    static func count(_ image: GrayImage<UInt16>, binCount: Int, threads: Int) -> [Int] {
        image.withView { count($0, binCount: binCount, threads: threads) }
    }

    /// Counts the samples of `source` (one per pixel) into `binCount` bins, as ``count(_:binCount:threads:)``.
    static func count(_ source: ImageView<UInt16>, binCount: Int, threads: Int) -> [Int] {
        precondition(source.components == 1, "a histogram counts grey samples")
        let height = source.height
        let width = source.width
        let stride = source.stride
        let workers = max(1, min(threads, height))
        // Several interleaved sub-histograms per worker let runs of equal samples (flat regions)
        // update different counters, instead of waiting on the previous increment of the same one;
        // as many as fit the 32 KiB first-level cache (12-bit samples: two lanes counted a 2048 x 2500
        // radiograph in 2.0 ms, four in 2.4, one in 3.3).
        let lanes = binCount <= 1 << 11 ? 4 : binCount <= 1 << 12 ? 2 : 1
        let slice = binCount * lanes
        var partial = [UInt32](repeating: 0, count: slice * workers)
        var totals = [Int](repeating: 0, count: binCount)
        partial.withUnsafeMutableBufferPointer { counters in
            // The buffer is non-empty (width, height >= 1), so the base exists.
            let input = SendableConstPointer(source.base)
            let output = SendablePointer(counters.baseAddress.unsafelyUnwrapped)
            let body: @Sendable (Int) -> Void = { worker in
                countRows(
                    source: input.base, stride: stride, width: width,
                    rows: (height * worker / workers)..<(height * (worker + 1) / workers),
                    binCount: binCount, lanes: lanes, counters: output.base + worker * slice)
            }
            StripScheduler.forEachWorker(workers, body)
        }
        for worker in 0..<workers {
            for lane in 0..<lanes {
                let base = worker * slice + lane * binCount
                for bin in 0..<binCount { totals[bin] += Int(partial[base + bin]) }
            }
        }
        return totals
    }

    /// Adds the samples of `rows` (each `width` samples, rows `stride` elements apart) to
    /// `counters`: `lanes` sub-histograms of `binCount` `UInt32` counters each, sample `x` of a row
    /// going to sub-histogram `x % lanes` (with `lanes < 4`, the missing sub-histograms fold onto the
    /// first). `lanes` is 1...4.
    ///
    /// A counter holds at most one strip's pixel count; strips of more than 2^32 - 1 pixels (an image
    /// of over 4 billion pixels) are out of range and trap.
    static func countRows(
        source: UnsafePointer<UInt16>, stride: Int, width: Int, rows: Range<Int>,
        binCount: Int, lanes: Int, counters: UnsafeMutablePointer<UInt32>
    ) {
        precondition(rows.count * width < Int(UInt32.max), "a histogram strip holds fewer than 2^32 pixels")
        let last = UInt16(truncatingIfNeeded: binCount - 1)
        let first = counters
        let second = counters + (lanes > 1 ? binCount : 0)
        let third = counters + (lanes > 2 ? 2 * binCount : 0)
        let fourth = counters + (lanes > 3 ? 3 * binCount : 0)
        for row in rows {
            // The row lies inside the image (caller's guarantee), so the offset cannot overflow.
            let input = source + row &* stride
            var x = 0
            // `min(sample, last)` keeps every index below `binCount`; counters cannot wrap because a
            // strip has fewer than 2^32 pixels (checked above).
            while x &+ 4 <= width {
                first[Int(min(input[x], last))] &+= 1
                second[Int(min(input[x &+ 1], last))] &+= 1
                third[Int(min(input[x &+ 2], last))] &+= 1
                fourth[Int(min(input[x &+ 3], last))] &+= 1
                x &+= 4
            }
            while x < width {
                first[Int(min(input[x], last))] &+= 1
                x &+= 1
            }
        }
    }
}
