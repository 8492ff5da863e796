extension BilateralFilter {
    /// Columns filtered together by the radius-2 kernel: its five scaled sample rows and three rows
    /// of pair weights (about 24 KiB) stay in the L1 cache.
    static let radius2ColumnBlock = 256
    /// Margin of the kernel's row buffers: column `x` of a block lives at index `margin + x`, and
    /// columns `-margin ..< count + margin` are filled.
    static let radius2Margin = 4
    /// Length of one row buffer of the radius-2 kernel.
    static let radius2RowLength = radius2ColumnBlock + 2 * radius2Margin

    /// Whether the radius-2 kernel handles these parameters: radius 2 (diameters 4 and 5), and a
    /// `sigmaColor` for which samples scaled by `sqrt(log2(e) / (2 sigmaColor²))` and their squared
    /// differences stay finite, normal floats.
    var usesRadius2Kernel: Bool { radius == 2 && (1e-6...1e9).contains(sigmaColor) }

    /// Filters output rows `rows` (a strip) into `destination` for radius 2: the twelve neighbours
    /// `(0, ±1)`, `(0, ±2)`, `(±1, -1...1)`, `(±2, 0)`.
    ///
    /// Samples are converted once per row to `Float` scaled by `sqrt(log2(e) / (2 sigmaColor²))`.
    /// For each row `y`, the weights of the six "forward" pairs `(p, p + d)` with `p` on row `y`
    /// (`d` = `(0, 1)`, `(0, 2)`, `(1, -1)`, `(1, 0)`, `(1, 1)`, `(2, 0)`) are computed once into
    /// the weight row of `y`; a pixel then sums its own term, its six forward pairs (weight row `y`)
    /// and its six backward pairs (weight rows `y`, `y - 1`, `y - 2`) in a fixed order, so the
    /// result does not depend on the strip or thread count. A strip first computes the weight rows
    /// of the two rows above it.
    func filterStripRadius2(_ image: FilterBuffers, rows: Range<Int>) {
        let sampleScale = Float((1.442_695_040_888_963_4 / (2 * sigmaColor * sigmaColor)).squareRoot())
        let spatial = Radius2SpatialExponents(taps: taps)
        // bitsStored <= 16, so the maximum sample fits UInt32.
        let maximumSample = UInt32((1 << bitsStored) - 1)
        StripScratch.with { scratch in
            let rings = Radius2Rings(scratch)
            var blockStart = 0
            while blockStart < image.width {
                let count = min(Self.radius2ColumnBlock, image.width - blockStart)
                let columns = (blockStart - 3)..<(blockStart + count + 3)
                func scaleRow(_ y: Int) {
                    Self.scaleSamples(
                        row: image.sourceRow(ReflectBorder.index(y, count: image.height)), width: image.width,
                        columns: columns, scale: sampleScale, into: rings.samples(y) - 3)
                }
                for y in (rows.lowerBound - 2)..<(rows.lowerBound + 2) {
                    scaleRow(y)
                }
                for y in (rows.lowerBound - 2)..<rows.upperBound {
                    scaleRow(y + 2)
                    Self.radius2PairWeights(
                        current: rings.samples(y), next: rings.samples(y + 1), afterNext: rings.samples(y + 2),
                        count: count, spatial: spatial, into: rings.weights(y))
                    guard y >= rows.lowerBound else { continue }
                    Self.radius2Means(
                        rings, row: y, count: count, inverseScale: 1 / sampleScale, maximumSample: maximumSample,
                        output: image.destinationRow(y) + blockStart)
                }
                blockStart += count
            }
        }
    }

    /// `output[i] = Float(row[c]) * scale` for the `i`-th column `c` of `columns`, where columns
    /// outside `0 ..< width` are read with `BORDER_REFLECT_101`.
    static func scaleSamples(
        row: UnsafePointer<UInt16>, width: Int, columns: Range<Int>, scale: Float,
        into output: UnsafeMutablePointer<Float>
    ) {
        let inside = columns.clamped(to: 0..<width)
        let start = columns.lowerBound
        // The block overlaps the image, so `inside` splits `columns` into left edge, inside, right edge.
        func reflectColumn(_ column: Int) {
            output[column - start] = Float(row[ReflectBorder.index(column, count: width)]) * scale
        }
        for column in columns.lowerBound..<inside.lowerBound { reflectColumn(column) }
        for column in inside.upperBound..<columns.upperBound { reflectColumn(column) }
        let insideOutput = output + (inside.lowerBound - start)
        let insideRow = row + inside.lowerBound
        for x in 0..<inside.count {
            insideOutput[x] = Float(insideRow[x]) * scale
        }
    }
}
