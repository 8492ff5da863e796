// The pair weight of the radius-2 bilateral kernel, in float arithmetic and bit patterns only
// (no float-to-integer conversion), so the row loops calling it vectorise.

extension BilateralFilter {
    /// The smallest exponent `pairWeight` evaluates: weights below `2^-125` (negligible beside the
    /// centre weight 1) are raised to it, so the power of two stays a normal float.
    static let smallestPairExponent: Float = -125

    /// `2^(spatialExponent - (far - near)²)` with a relative error below 7.5e-5, for samples already
    /// multiplied by `sqrt(log2(e) / (2 sigmaColor²))`, so the square is the range exponent.
    ///
    /// The exponent `t` (clamped to `-125...0`) is split as `t = i + f` with `i = round(t)` and
    /// `|f| <= 0.5`; `2^f` comes from a degree-3 polynomial fitted for minimal relative error on
    /// `[-0.5, 0.5]`, and `i` is added to its exponent bits. A relative error `e` in every weight
    /// moves a weighted mean by at most `e` times the largest sample distance that carries weight
    /// (a few `sigmaColor`), far below a grey level.
    @inline(__always)
    static func pairWeight(near: Float, far: Float, spatialExponent: Float) -> Float {
        let difference = far - near
        let exponent = max(spatialExponent.addingProduct(-difference, difference), smallestPairExponent)
        let shifted = exponent + 12_582_912  // 1.5 * 2^23: the mantissa now holds round(t) + 2^22
        let whole = shifted - 12_582_912
        let fraction = exponent - whole
        var power: Float = 0.055_171_207
        power = (0.242_610_28 as Float).addingProduct(power, fraction)
        power = (0.693_260_97 as Float).addingProduct(power, fraction)
        power = (0.999_928_12 as Float).addingProduct(power, fraction)
        // `power` lies in [0.707, 1.415], so its biased exponent is 126 or 127; round(t) in -125...0
        // keeps the sum in 1...127. Shifting the pattern of `shifted` left by 23 leaves exactly
        // round(t) << 23 (the 0x4B40_0000 bias moves out of the 32 bits), and the wrapping addition
        // adds round(t) to the exponent field.
        return Float(bitPattern: power.bitPattern &+ (shifted.bitPattern &<< 23))
    }
}
