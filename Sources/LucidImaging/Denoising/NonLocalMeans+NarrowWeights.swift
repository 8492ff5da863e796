/// The patch weight of the 16-bit kernel as a function of the saturated patch sum, evaluated
/// without a table: `w = 2^(exponentScale * k²)` with `k = sum >> shift` (OpenCV's shifted patch
/// sum), and `w = 0` from `k = cutoff` on, the first `k` whose weight `exp(-(k * 2^s / T²)² / h²)`
/// is below 0.001 in double precision.
struct NarrowPatchWeights {
    /// `s`: the patch sum is shifted right by this many bits before it becomes a distance.
    let shift: UInt16
    /// The first shifted patch sum whose weight is zero.
    let cutoff: UInt16
    /// `cutoff` as a `Float`, for the comparison next to the float weight.
    let cutoffValue: Float
    /// `-log2(e) * (2^s / T²)² / h²`, with `h²` rounded to `Float` first as OpenCV does.
    let exponentScale: Float

    /// The weights of `filter`, or `nil` when the cutoff lies beyond the largest shifted sum a
    /// saturated 16-bit patch sum can express (`65535 >> s`), i.e. for very large `h`.
    init?(_ filter: NonLocalMeans) {
        let area = filter.templateSize * filter.templateSize
        let distanceScale = Double(1 << filter.distanceShift) / Double(area)
        let hSquared = Double(Float(filter.h) * Float(filter.h))
        let largest = 65535 >> filter.distanceShift
        var index = 0
        while index <= largest {
            let distance = Double(index) * distanceScale
            // exp(-x) < 0.001 exactly when x > ln(1000).
            if distance * distance / hSquared > 6.907_755_278_982_137 { break }
            index += 1
        }
        guard index <= largest else { return nil }
        shift = UInt16(filter.distanceShift)
        cutoff = UInt16(index)
        cutoffValue = Float(index)
        exponentScale = Float(-1.442_695_040_888_963_4 * distanceScale * distanceScale / hSquared)
    }

    /// The weight table index of a patch whose sum of absolute differences is `sum` (saturated at
    /// 65535): the shifted sum, at most `cutoff`.
    @inline(__always)
    func index(_ sum: UInt16) -> UInt16 { min(sum &>> shift, cutoff) }

    /// The weight of table index `index` (at most `cutoff`).
    @inline(__always)
    func weight(index: UInt16) -> Float {
        // Below the cutoff the exponent lies in -log2(1000)...0.
        let k = Float(index)
        let weight = Self.exp2(k * k * exponentScale)
        return k < cutoffValue ? weight : 0
    }

    /// `2^t` for `-126 <= t <= 0` with a relative error below 7.6e-5: `t = i + f` with
    /// `i = round(t)` and `|f| <= 0.5`; `2^f` from a degree-3 near-minimax polynomial, `2^i` built
    /// in the exponent bits. Only float arithmetic and bit patterns, so loops calling it vectorise.
    /// One degree fewer than the 32-bit kernel's `exp2` measured about 6% faster overall, and keeps
    /// outputs within 1 grey level of the double-precision reference.
    @inline(__always)
    static func exp2(_ t: Float) -> Float {
        let shifted = t + 12_582_912  // 1.5 * 2^23: the mantissa now holds round(t) + 2^22
        let whole = shifted - 12_582_912
        let f = t - whole
        var p: Float = 5.516_988_8e-2
        p = (2.426_070_1e-1 as Float).addingProduct(p, f)
        p = (6.932_609_1e-1 as Float).addingProduct(p, f)
        p = (9.999_283_6e-1 as Float).addingProduct(p, f)
        // round(t) lies in -126...0, so round(t) + 127 is a valid biased exponent 1...127; the
        // wrapping subtraction removes the 0x4B40_0000 of the shifted pattern.
        let scaleBits = (shifted.bitPattern &- 0x4B40_0000 &+ 127) &<< 23
        return p * Float(bitPattern: scaleBits)
    }
}
