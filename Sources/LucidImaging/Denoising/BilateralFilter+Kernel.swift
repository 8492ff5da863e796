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

/// Rounds a non-negative `value` below 2^22 to the nearest integer (ties to even) and clamps it to
/// `maximumSample`, without a float-to-integer conversion (which does not vectorise well): adding
/// 1.5 * 2^23 leaves the rounded integer in the low mantissa bits.
@inline(__always)
func roundedSample(_ value: Float, maximumSample: UInt32) -> UInt16 {
    let shifted = (value + 12_582_912).bitPattern  // 0x4B40_0000 + round(value) for 0 <= value < 2^22
    // The mantissa bits hold round(value) + 2^22, so the subtraction cannot wrap for value >= 0.
    let rounded = shifted &- 0x4B40_0000
    return UInt16(truncatingIfNeeded: min(rounded, maximumSample))
}

/// `2^t` for `-126 <= t <= 0` with a relative error below 3e-7: `t = i + f` with `i = round(t)`
/// and `|f| <= 0.5`; `2^f` from its degree-6 Taylor polynomial (remainder < 1.3e-7), `2^i` built
/// in the exponent bits. Only float arithmetic and bit patterns, so loops calling it vectorise.
@inline(__always)
func fastExp2(_ t: Float) -> Float {
    let shifted = t + 12_582_912  // 1.5 * 2^23: the mantissa now holds round(t) + 2^22
    let whole = shifted - 12_582_912
    let f = t - whole
    var p: Float = 1.540_353_0e-4  // ln2^6 / 720
    p = (1.333_355_8e-3 as Float).addingProduct(p, f)  // ln2^5 / 120
    p = (9.618_129_1e-3 as Float).addingProduct(p, f)  // ln2^4 / 24
    p = (5.550_410_9e-2 as Float).addingProduct(p, f)  // ln2^3 / 6
    p = (2.402_265_1e-1 as Float).addingProduct(p, f)  // ln2^2 / 2
    p = (6.931_471_8e-1 as Float).addingProduct(p, f)  // ln2
    p = (1 as Float).addingProduct(p, f)
    // round(t) lies in -126...0, so round(t) + 127 is a valid biased exponent 1...127; the wrapping
    // subtraction removes the 0x4B40_0000 of the shifted pattern.
    let scaleBits = (shifted.bitPattern &- 0x4B40_0000 &+ 127) &<< 23
    return p * Float(bitPattern: scaleBits)
}
