extension BilateralFilter {
    /// Columns filtered together: the two `Float` accumulator rows (4 KiB) and the source rows in
    /// use stay in the L1 cache while every tap passes over them.
    static let columnBlock = 512

    /// Filters output rows `rows` (a strip) into `destination`.
    func filterStrip(
        source: UnsafePointer<UInt16>, sourceStride: Int, width: Int, height: Int, rows: Range<Int>,
        destination: UnsafeMutablePointer<UInt16>, destinationStride: Int
    ) {
        let radius = self.radius
        let paddedWidth = width + 2 * radius
        let padded = DenoisingBorder.paddedRows(
            source: source, stride: sourceStride, width: width, height: height, rows: rows, border: radius)
        let block = Self.columnBlock
        var weightSums = [Float](repeating: 0, count: block)
        var valueSums = [Float](repeating: 0, count: block)
        var centreSums = [Float](repeating: 0, count: block)
        let colorScale = Float(-0.5 / (sigmaColor * sigmaColor) * 1.442_695_040_888_963_4)
        // bitsStored <= 16, so every difference and sample fits Int32 and UInt32 without wrapping.
        let maximumSample = UInt32((1 << bitsStored) - 1)
        padded.withUnsafeBufferPointer { paddedBuffer in
            weightSums.withUnsafeMutableBufferPointer { weightBuffer in
                valueSums.withUnsafeMutableBufferPointer { valueBuffer in
                    centreSums.withUnsafeMutableBufferPointer { centreBuffer in
                        guard let paddedBase = paddedBuffer.baseAddress,
                            let weights = weightBuffer.baseAddress, let values = valueBuffer.baseAddress,
                            let centreValues = centreBuffer.baseAddress
                        else { return }
                        for y in rows {
                            let centreRow = paddedBase + (y - rows.lowerBound + radius) * paddedWidth + radius
                            let outputRow = destination + y * destinationStride
                            var blockStart = 0
                            while blockStart < width {
                                let count = min(block, width - blockStart)
                                let centre = centreRow + blockStart
                                Self.startSums(
                                    centre: centre, count: count, weights: weights, values: values,
                                    centreValues: centreValues)
                                for tap in taps {
                                    Self.accumulateTapArithmetic(
                                        centre: centreValues, neighbour: centre + tap.dy * paddedWidth + tap.dx,
                                        count: count, spatialExponent: tap.exponent, colorScale: colorScale,
                                        weights: weights, values: values)
                                }
                                Self.storeMeans(
                                    weights: weights, values: values, count: count, maximumSample: maximumSample,
                                    output: outputRow + blockStart)
                                blockStart += count
                            }
                        }
                    }
                }
            }
        }
    }

    /// Starts the sums with the centre tap, whose spatial and range weights are both 1.
    @inline(__always)
    static func startSums(
        centre: UnsafePointer<UInt16>, count: Int, weights: UnsafeMutablePointer<Float>,
        values: UnsafeMutablePointer<Float>, centreValues: UnsafeMutablePointer<Float>
    ) {
        for x in 0..<count {
            let value = Float(centre[x])
            weights[x] = 1
            values[x] = value
            centreValues[x] = value
        }
    }

    /// Adds one tap to a block with the range weight computed arithmetically:
    /// `w = 2^(spatialExponent + colorScale * (n - c)²)`, `weights += w`, `values += w * n`.
    @inline(__always)
    static func accumulateTapArithmetic(
        centre: UnsafePointer<Float>, neighbour: UnsafePointer<UInt16>, count: Int, spatialExponent: Float,
        colorScale: Float, weights: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>
    ) {
        for x in 0..<count {
            let n = Float(neighbour[x])
            let difference = n - centre[x]
            let exponent = max(spatialExponent.addingProduct(colorScale, difference * difference), -126)
            let weight = fastExp2(exponent)
            weights[x] += weight
            values[x] = values[x].addingProduct(weight, n)
        }
    }

    /// Writes `round(values / weights)` clamped to `maximumSample`. Every weight sum is at least 1
    /// (the centre tap), so the division is finite.
    @inline(__always)
    static func storeMeans(
        weights: UnsafePointer<Float>, values: UnsafePointer<Float>, count: Int, maximumSample: UInt32,
        output: UnsafeMutablePointer<UInt16>
    ) {
        for x in 0..<count {
            output[x] = roundedSample(values[x] / weights[x], maximumSample: maximumSample)
        }
    }
}
