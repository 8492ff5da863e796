// Float helpers shared by the denoising kernels. They use only float arithmetic and bit
// patterns, with no float-to-integer conversion, so loops that call them vectorise.

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

/// Row loops shared by the denoising kernels.
enum DenoisingRows {
    /// Starts a pixel's sums with its own term: weight 1, value `samples[x]`.
    @inline(__always)
    static func startSums(
        samples: UnsafePointer<UInt16>, count: Int, weights: UnsafeMutablePointer<Float>,
        values: UnsafeMutablePointer<Float>
    ) {
        for x in 0..<count {
            weights[x] = 1
            values[x] = Float(samples[x])
        }
    }

    /// `weights[x] += pairWeights[x]`, `values[x] += pairWeights[x] * samples[x]`.
    @inline(__always)
    static func addWeighted(
        pairWeights: UnsafePointer<Float>, samples: UnsafePointer<UInt16>, count: Int,
        weights: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>
    ) {
        for x in 0..<count {
            let weight = pairWeights[x]
            weights[x] += weight
            values[x] = values[x].addingProduct(weight, Float(samples[x]))
        }
    }

    /// Writes `round(values / weights)` clamped to `maximumSample`. Every weight sum is at least 1
    /// (a pixel's own term), so the division is finite.
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
