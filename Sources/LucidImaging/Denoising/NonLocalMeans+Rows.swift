/// The row loops of the non-local means kernel: plain loops over pointers with wrapping integer
/// arithmetic, which vectorise across columns.
enum NonLocalMeansRows {
    /// `sums[j] += |a[j] - b[j]|` for `j` in `0..<count`.
    @inline(__always)
    static func addDifferences(
        a: UnsafePointer<UInt16>, b: UnsafePointer<UInt16>, sums: UnsafeMutablePointer<UInt32>, count: Int
    ) {
        for j in 0..<count {
            // Larger minus smaller: no wrap. A column sum holds at most 31 differences below 2^16.
            sums[j] &+= UInt32(max(a[j], b[j]) &- min(a[j], b[j]))
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
            // Larger minus smaller: no wrap.
            let added = UInt32(max(entering[j], enteringPartner[j]) &- min(entering[j], enteringPartner[j]))
            let removed = UInt32(max(leaving[j], leavingPartner[j]) &- min(leaving[j], leavingPartner[j]))
            // The removed difference is part of the sum, so the wrapping result is the exact,
            // non-negative new sum.
            sums[j] = sums[j] &+ added &- removed
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

    /// `pairWeights[x] = 2^(exponentScale * ((patchSums[x] >> shift) * distanceScale)²)`, or 0 when
    /// that is below 0.001.
    @inline(__always)
    static func patchWeights(
        patchSums: UnsafePointer<UInt32>, into pairWeights: UnsafeMutablePointer<Float>, count: Int,
        parameters: PatchWeightParameters
    ) {
        let shift = parameters.shift
        let distanceScale = parameters.distanceScale
        let exponentScale = parameters.exponentScale
        for x in 0..<count {
            // Patch sums are below 2^26, so the signed conversion is exact and vectorises.
            let distance = Float(Int32(bitPattern: patchSums[x] &>> shift)) * distanceScale
            let weight = fastExp2(max(distance * distance * exponentScale, -126))
            pairWeights[x] = weight < 0.001 ? 0 : weight
        }
    }

    /// `patchWeights(boxSum(columnSums, length: 7))` in one pass, for the default 7 x 7 template.
    @inline(__always)
    static func patchWeights7(
        columnSums: UnsafePointer<UInt32>, into pairWeights: UnsafeMutablePointer<Float>, count: Int,
        parameters: PatchWeightParameters
    ) {
        let shift = parameters.shift
        let distanceScale = parameters.distanceScale
        let exponentScale = parameters.exponentScale
        for x in 0..<count {
            let c = columnSums + x
            // 49 differences below 2^16: the sum is below 2^22.
            let sum = c[0] &+ c[1] &+ c[2] &+ c[3] &+ c[4] &+ c[5] &+ c[6]
            let distance = Float(Int32(bitPattern: sum &>> shift)) * distanceScale
            let weight = fastExp2(max(distance * distance * exponentScale, -126))
            pairWeights[x] = weight < 0.001 ? 0 : weight
        }
    }
}
