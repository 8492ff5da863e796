/// Row loops of the separable symmetric filter: plain loops over raw pointers that LLVM vectorises
/// (8 `Float` lanes with AVX2). Every loop reads and writes `count` elements starting at the given
/// pointers; the caller guarantees that each pointer has `count` valid elements. Index arithmetic uses
/// `&+` because `index < count`, which is at most an image width, far below `Int.max`.
enum SymmetricFilterRows {
    /// `destination[i] = Float(source[i])`.
    static func widen(
        _ source: UnsafePointer<UInt16>, into destination: UnsafeMutablePointer<Float>, count: Int
    ) {
        var index = 0
        while index < count {
            destination[index] = Float(source[index])
            index &+= 1
        }
    }

    /// `sum[i] = centreWeight * centre[i]`.
    static func start(
        _ sum: UnsafeMutablePointer<Float>, centre: UnsafePointer<Float>, centreWeight: Float, count: Int
    ) {
        var index = 0
        while index < count {
            sum[index] = centreWeight * centre[index]
            index &+= 1
        }
    }

    /// `sum[i] += weight * (before[i] + after[i])`: one symmetric pair of taps.
    static func addPair(
        _ sum: UnsafeMutablePointer<Float>, _ before: UnsafePointer<Float>, _ after: UnsafePointer<Float>,
        weight: Float, count: Int
    ) {
        var index = 0
        while index < count {
            sum[index] = sum[index] + weight * (before[index] + after[index])
            index &+= 1
        }
    }

    /// `sum[i] += weightA * (beforeA[i] + afterA[i]) + weightB * (beforeB[i] + afterB[i])`: two pairs
    /// of taps in one sweep, so the running sum is loaded and stored half as often.
    static func addTwoPairs(
        _ sum: UnsafeMutablePointer<Float>,
        _ beforeA: UnsafePointer<Float>, _ afterA: UnsafePointer<Float>, weightA: Float,
        _ beforeB: UnsafePointer<Float>, _ afterB: UnsafePointer<Float>, weightB: Float,
        count: Int
    ) {
        var index = 0
        while index < count {
            let pairA = weightA * (beforeA[index] + afterA[index])
            let pairB = weightB * (beforeB[index] + afterB[index])
            sum[index] = sum[index] + (pairA + pairB)
            index &+= 1
        }
    }

    /// `destination[i] = round(min(sum[i], 65535))`, rounding half to even. `sum` is never negative (all
    /// weights and samples are non-negative). Adding 2²³ puts the rounded integer in the low mantissa
    /// bits (exact for 0 ... 2²³), which avoids a trapping float-to-integer conversion.
    static func roundToSamples(
        _ sum: UnsafePointer<Float>, into destination: UnsafeMutablePointer<UInt16>, count: Int
    ) {
        var index = 0
        while index < count {
            let value = sum[index]
            let clamped: Float = value < 65535 ? value : 65535
            destination[index] = UInt16(truncatingIfNeeded: (clamped + 8_388_608).bitPattern)
            index &+= 1
        }
    }

    /// `destination[i] = round(clamp(x + amount * (x - blurred[i]), 0, maximum))` with
    /// `x = Float(source[i])`: the unsharp-mask output. `maximum <= 65535`; rounding is half to even
    /// with the same 2²³ trick as `roundToSamples`.
    static func sharpen(
        _ source: UnsafePointer<UInt16>, blurred: UnsafePointer<Float>, amount: Float, maximum: Float,
        into destination: UnsafeMutablePointer<UInt16>, count: Int
    ) {
        var index = 0
        while index < count {
            let sample = Float(source[index])
            let value = sample + amount * (sample - blurred[index])
            let nonNegative: Float = value > 0 ? value : 0
            let clamped: Float = nonNegative < maximum ? nonNegative : maximum
            destination[index] = UInt16(truncatingIfNeeded: (clamped + 8_388_608).bitPattern)
            index &+= 1
        }
    }
}

extension SymmetricFilterRows {
    /// `sum[i] = centreWeight * centre[i] + pairWeight * (before[i] + after[i])`: the first sweep.
    static func start(
        _ sum: UnsafeMutablePointer<Float>, centre: UnsafePointer<Float>, centreWeight: Float,
        _ before: UnsafePointer<Float>, _ after: UnsafePointer<Float>, pairWeight: Float, count: Int
    ) {
        var index = 0
        while index < count {
            sum[index] = centreWeight * centre[index] + pairWeight * (before[index] + after[index])
            index &+= 1
        }
    }
}
