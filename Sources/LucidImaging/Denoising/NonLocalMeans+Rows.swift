/// The row loops of the non-local means kernel: plain loops over pointers with wrapping integer
/// arithmetic, which vectorise across columns.
enum NonLocalMeansRows {
    /// `sums[j] += |a[j] - b[j]|` for `j` in `0..<count`.
    @inline(__always)
    static func addDifferences(
        a: UnsafePointer<UInt16>, b: UnsafePointer<UInt16>, sums: UnsafeMutablePointer<UInt32>, count: Int
    ) {
        for j in 0..<count {
            let p = UInt32(a[j])
            let q = UInt32(b[j])
            // Larger minus smaller: no wrap. A column sum holds at most 31 differences below 2^16.
            sums[j] &+= p > q ? p &- q : q &- p
        }
    }

    /// Moves column sums down one row: adds the differences of row `entering` and removes those
    /// of row `leaving` (both paired with the sample `displacement` further on).
    @inline(__always)
    static func slideDifferences(
        entering: UnsafePointer<UInt16>, leaving: UnsafePointer<UInt16>, displacement: Int,
        sums: UnsafeMutablePointer<UInt32>, count: Int
    ) {
        let enteringPartner = entering + displacement
        let leavingPartner = leaving + displacement
        for j in 0..<count {
            let p = UInt32(entering[j])
            let q = UInt32(enteringPartner[j])
            let r = UInt32(leaving[j])
            let s = UInt32(leavingPartner[j])
            // The leaving difference is part of the sum, so the wrapping result is the exact,
            // non-negative new sum.
            sums[j] = sums[j] &+ (p > q ? p &- q : q &- p) &- (r > s ? r &- s : s &- r)
        }
    }

    /// `patchSums[x] = columnSums[x] + ... + columnSums[x + length - 1]` for `x` in `0..<count`.
    @inline(__always)
    static func boxSum(
        _ columnSums: UnsafePointer<UInt32>, into patchSums: UnsafeMutablePointer<UInt32>, count: Int, length: Int
    ) {
        patchSums.update(from: columnSums, count: count)
        for offset in 1..<max(length, 1) {
            let shifted = columnSums + offset
            // A patch sum holds at most 31 * 31 differences below 2^16: below 2^26.
            for x in 0..<count { patchSums[x] &+= shifted[x] }
        }
    }

    /// Adds `w = 2^(exponentScale * ((patchSums >> shift) * distanceScale)²)` (0 when below
    /// 0.001) to `weights` and `w * samples` to `values`.
    @inline(__always)
    static func accumulateWeights(
        patchSums: UnsafePointer<UInt32>, samples: UnsafePointer<UInt16>, count: Int,
        parameters: PatchWeightParameters, weights: UnsafeMutablePointer<Float>,
        values: UnsafeMutablePointer<Float>
    ) {
        let shift = parameters.shift
        let distanceScale = parameters.distanceScale
        let exponentScale = parameters.exponentScale
        for x in 0..<count {
            // Patch sums are below 2^26, so the signed conversion is exact and vectorises.
            let distance = Float(Int32(bitPattern: patchSums[x] &>> shift)) * distanceScale
            let exponent = max(distance * distance * exponentScale, -126)
            let weight = fastExp2(exponent)
            let kept: Float = weight < 0.001 ? 0 : weight
            weights[x] += kept
            values[x] = values[x].addingProduct(kept, Float(samples[x]))
        }
    }
}
