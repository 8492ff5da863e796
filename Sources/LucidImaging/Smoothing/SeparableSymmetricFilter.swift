/// What the vertical pass makes of a row of blurred values.
enum SmoothingOutput: Sendable, Equatable {
    /// The blurred value, rounded half to even and clamped to `0 ... 65535`.
    case blurred
    /// `round(clamp(x + amount * (x - blurred), 0, maximum))`, the unsharp mask.
    case sharpened(amount: Float, maximum: Float)
}

/// A separable filter with a symmetric kernel, run over strips of output rows.
///
/// Each strip keeps a ring of `2 * radius + 1` horizontally filtered rows (`Float`, one image width
/// each) and a running-sum row; every output row costs one new horizontal row plus one vertical sweep
/// over the ring. Borders are `BORDER_REFLECT_101` in both directions. Each output sample is computed by
/// the same sequence of `Float` operations whatever the strip layout, so results do not depend on the
/// thread count.
struct SeparableSymmetricFilter: Sendable {
    let kernel: GaussianKernelWeights
    let output: SmoothingOutput

    /// Filters `image.source` into `image.destination` on up to `threads` threads.
    func run(_ image: FilterBuffers, threads: Int) {
        image.forEachStrip(threads: threads, minimumRows: max(16, 4 * kernel.radius)) { rows in
            filterStrip(rows, image)
        }
    }

    private func filterStrip(_ rows: Range<Int>, _ image: FilterBuffers) {
        let width = image.width
        let radius = kernel.radius
        let taps = 2 * radius + 1
        let padded = UnsafeMutablePointer<Float>.allocate(capacity: width + 2 * radius)
        let ring = UnsafeMutablePointer<Float>.allocate(capacity: taps * width)
        let sum = UnsafeMutablePointer<Float>.allocate(capacity: width)
        defer {
            padded.deallocate()
            ring.deallocate()
            sum.deallocate()
        }
        let firstVirtualRow = rows.lowerBound - radius
        func ringRow(_ virtualRow: Int) -> UnsafeMutablePointer<Float> {
            ring + ((virtualRow - firstVirtualRow) % taps) * width
        }
        func filterRow(_ virtualRow: Int) {
            let sourceRow = image.sourceRow(ReflectBorder.index(virtualRow, count: image.height))
            filterHorizontally(sourceRow, padded: padded, into: ringRow(virtualRow), width: width)
        }
        for virtualRow in firstVirtualRow..<(rows.lowerBound + radius) {
            filterRow(virtualRow)
        }
        for row in rows {
            filterRow(row + radius)
            combine(into: sum, centre: ringRow(row), count: width) { offset in
                (UnsafePointer(ringRow(row - offset)), UnsafePointer(ringRow(row + offset)))
            }
            let outputRow = image.destinationRow(row)
            switch output {
            case .blurred:
                SymmetricFilterRows.roundToSamples(sum, into: outputRow, count: width)
            case .sharpened(let amount, let maximum):
                SymmetricFilterRows.sharpen(
                    image.sourceRow(row), blurred: sum, amount: amount, maximum: maximum,
                    into: outputRow, count: width)
            }
        }
    }

    /// Widens one source row into `padded` (with `radius` reflected samples on each side) and filters
    /// it horizontally into `result` (`width` values).
    private func filterHorizontally(
        _ sourceRow: UnsafePointer<UInt16>, padded: UnsafeMutablePointer<Float>,
        into result: UnsafeMutablePointer<Float>, width: Int
    ) {
        let radius = kernel.radius
        SymmetricFilterRows.widen(sourceRow, into: padded + radius, count: width)
        for offset in stride(from: 1, through: radius, by: 1) {
            padded[radius - offset] = Float(sourceRow[ReflectBorder.index(-offset, count: width)])
            padded[radius + width - 1 + offset] =
                Float(sourceRow[ReflectBorder.index(width - 1 + offset, count: width)])
        }
        let centre = UnsafePointer(padded + radius)
        combine(into: result, centre: centre, count: width) { offset in
            (centre - offset, centre + offset)
        }
    }

    /// `sum = w[0] * centre + Σ w[k] * (before_k + after_k)` for `k = 1 ... radius`, where `pair(k)`
    /// returns the rows (or shifted row pointers) at offsets `-k` and `+k`. The pairs are added in
    /// increasing `k`, two per sweep.
    private func combine(
        into sum: UnsafeMutablePointer<Float>, centre: UnsafePointer<Float>, count: Int,
        pair: (Int) -> (UnsafePointer<Float>, UnsafePointer<Float>)
    ) {
        let weights = kernel.weights
        let radius = kernel.radius
        guard radius > 0 else {
            SymmetricFilterRows.start(sum, centre: centre, centreWeight: weights[0], count: count)
            return
        }
        let (firstBefore, firstAfter) = pair(1)
        SymmetricFilterRows.start(
            sum, centre: centre, centreWeight: weights[0], firstBefore, firstAfter, pairWeight: weights[1],
            count: count)
        var offset = 2
        while offset < radius {
            let (beforeA, afterA) = pair(offset)
            let (beforeB, afterB) = pair(offset + 1)
            SymmetricFilterRows.addTwoPairs(
                sum, beforeA, afterA, weightA: weights[offset], beforeB, afterB, weightB: weights[offset + 1],
                count: count)
            offset += 2
        }
        if offset == radius {
            let (before, after) = pair(offset)
            SymmetricFilterRows.addPair(sum, before, after, weight: weights[offset], count: count)
        }
    }
}
