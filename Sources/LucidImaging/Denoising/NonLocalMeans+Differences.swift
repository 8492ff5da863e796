/// Running column sums of absolute sample differences, shared by the 32-bit and the 16-bit non-local
/// means kernels: `Sum` is `UInt32`, or `UInt16` when the caller has checked that
/// `templateSize * maximum sample <= 65535`, so that a column sum always fits. Plain loops over
/// pointers with wrapping integer arithmetic, which vectorise across columns.
enum PatchDifferences {
    /// `sums[j] += |a[j] - b[j]|` for `j` in `0..<count`.
    @inline(__always)
    static func add<Sum: FixedWidthInteger & UnsignedInteger>(
        a: UnsafePointer<UInt16>, b: UnsafePointer<UInt16>, sums: UnsafeMutablePointer<Sum>, count: Int
    ) {
        for j in 0..<count {
            // Larger minus smaller: no wrap. A column sum holds at most 31 differences below 2^16, and
            // at most 65535 in 16 bits.
            sums[j] &+= Sum(truncatingIfNeeded: max(a[j], b[j]) &- min(a[j], b[j]))
        }
    }

    /// Moves column sums down one row: adds the differences of row `entering` and removes those of
    /// row `leaving` (both paired with the sample `displacement` further on).
    @inline(__always)
    static func slide<Sum: FixedWidthInteger & UnsignedInteger>(
        entering: UnsafePointer<UInt16>, leaving: UnsafePointer<UInt16>, displacement: Int,
        sums: UnsafeMutablePointer<Sum>, count: Int
    ) {
        let enteringPartner = entering + displacement
        let leavingPartner = leaving + displacement
        for j in 0..<count {
            // Larger minus smaller: no wrap.
            let added = Sum(
                truncatingIfNeeded: max(entering[j], enteringPartner[j]) &- min(entering[j], enteringPartner[j]))
            let removed = Sum(
                truncatingIfNeeded: max(leaving[j], leavingPartner[j]) &- min(leaving[j], leavingPartner[j]))
            // The removed difference is part of the sum and the new sum fits `Sum`, so the wrapping
            // result is the exact, non-negative new sum.
            sums[j] = sums[j] &+ added &- removed
        }
    }
}
