/// The row loops of the non-local means kernel: plain loops over pointers with wrapping integer
/// arithmetic, which vectorise across columns.
enum NonLocalMeansRows {
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

    /// `pairWeights[x] = 2^(exponentScale * ((patchSums[x] >> shift) * distanceScale)²)`, or 0 when
    /// that is below 0.001.
    @inline(__always)
    static func patchWeights(
        patchSums: UnsafePointer<UInt32>, into pairWeights: UnsafeMutablePointer<Float>, count: Int,
        parameters: PatchWeightParameters
    ) {
        for x in 0..<count {
            pairWeights[x] = parameters.weight(patchSum: patchSums[x])
        }
    }

    /// `patchWeights(boxSum(columnSums, length: 7))` in one pass, for the default 7 x 7 template.
    @inline(__always)
    static func patchWeights7(
        columnSums: UnsafePointer<UInt32>, into pairWeights: UnsafeMutablePointer<Float>, count: Int,
        parameters: PatchWeightParameters
    ) {
        for x in 0..<count {
            let c = columnSums + x
            // 49 differences below 2^16: the sum is below 2^22.
            pairWeights[x] = parameters.weight(patchSum: c[0] &+ c[1] &+ c[2] &+ c[3] &+ c[4] &+ c[5] &+ c[6])
        }
    }
}
