extension BilateralFilter {
    /// Columns filtered together: the ring of `radius + 1` rows of `Float` sums (at most 20 KiB for
    /// radius 4) and the source rows in use stay in the L1/L2 caches.
    static let columnBlock = 512

    /// Filters output rows `rows` (a strip) into `destination`.
    ///
    /// The range weight of a pixel pair does not depend on which of the two is the centre, so the
    /// kernel visits only the "forward" taps (`dy > 0`, or `dy == 0` and `dx > 0`). At step `y` it
    /// computes, for each forward tap `d`, the weights of the pairs `(p, p + d)` with `p` on row `y`
    /// once, and adds them to `p` (value `I(p + d)`) and to `p + d` (value `I(p)`). Sums of the
    /// `radius + 1` rows that can still receive terms live in a ring. A pixel's sums start with its
    /// own term at step `y - radius`, then add the same terms in the same order whatever the strip,
    /// so the result does not depend on the thread count.
    func filterStrip(_ image: FilterBuffers, rows: Range<Int>) {
        let radius = self.radius
        let strip = PaddedStrip(image, rows: rows, border: radius)
        let width = image.width
        let block = Self.columnBlock
        let ringRows = radius + 1
        let forwardTaps = taps.filter { $0.dy > 0 || ($0.dy == 0 && $0.dx > 0) }
        let colorScale = Float(-0.5 / (sigmaColor * sigmaColor) * 1.442_695_040_888_963_4)
        // bitsStored <= 16, so the maximum sample fits UInt32.
        let maximumSample = UInt32((1 << bitsStored) - 1)
        StripScratch.with { scratch in
            strip.withOrigin { origin in
                let weights = scratch.zeros(Float.self, count: ringRows * block)
                let values = scratch.zeros(Float.self, count: ringRows * block)
                let pairs = scratch.zeros(Float.self, count: block + radius)
                var blockStart = 0
                while blockStart < width {
                    let count = min(block, width - blockStart)
                    // Image row `y`, column `blockStart` in the padded copy (rows.lowerBound - radius
                    // <= y < rows.upperBound + radius).
                    func samples(_ y: Int) -> UnsafePointer<UInt16> {
                        origin + (y - rows.lowerBound) * strip.stride + blockStart
                    }
                    func slot(_ y: Int) -> Int { (y % ringRows) * block }
                    for step in (rows.lowerBound - radius)..<rows.upperBound {
                        let entering = step + radius
                        if rows.contains(entering) {
                            DenoisingRows.startSums(
                                samples: samples(entering), count: count, weights: weights + slot(entering),
                                values: values + slot(entering))
                        }
                        let forward = rows.contains(step)
                        for tap in forwardTaps {
                            let backward = rows.contains(step + tap.dy)
                            guard forward || backward else { continue }
                            let left = min(0, -tap.dx)
                            let near = samples(step)
                            let far = samples(step + tap.dy) + tap.dx
                            Self.pairWeights(
                                near + left, far + left, count: count + abs(tap.dx),
                                spatialExponent: tap.exponent, colorScale: colorScale, into: pairs)
                            if forward {
                                DenoisingRows.addWeighted(
                                    pairWeights: pairs - left, samples: far, count: count,
                                    weights: weights + slot(step), values: values + slot(step))
                            }
                            if backward {
                                let target = slot(step + tap.dy)
                                DenoisingRows.addWeighted(
                                    pairWeights: pairs - left - tap.dx, samples: near - tap.dx, count: count,
                                    weights: weights + target, values: values + target)
                            }
                        }
                        if forward {
                            DenoisingRows.storeMeans(
                                weights: weights + slot(step), values: values + slot(step), count: count,
                                maximumSample: maximumSample, output: image.destinationRow(step) + blockStart)
                        }
                    }
                    blockStart += count
                }
            }
        }
    }

    /// `pairWeights[x] = 2^(spatialExponent + colorScale * (near[x] - far[x])²)`: the spatial
    /// times the range weight, evaluated as one power of two (at least 2^-126).
    @inline(__always)
    static func pairWeights(
        _ near: UnsafePointer<UInt16>, _ far: UnsafePointer<UInt16>, count: Int, spatialExponent: Float,
        colorScale: Float, into pairWeights: UnsafeMutablePointer<Float>
    ) {
        for x in 0..<count {
            let difference = Float(near[x]) - Float(far[x])
            let exponent = max(spatialExponent.addingProduct(colorScale, difference * difference), -126)
            pairWeights[x] = fastExp2(exponent)
        }
    }
}
