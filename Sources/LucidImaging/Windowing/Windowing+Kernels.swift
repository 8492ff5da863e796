/// Row kernels behind ``Windowing``: each maps `width` samples of every row in `rows` from a source
/// with row stride `sourceStride` (elements) to a destination with row stride `destinationStride`.
/// Callers guarantee that every row of `rows` lies inside both buffers and that strides are at least
/// `width`; the kernels read and write nothing else.
enum WindowingKernels {
    /// Applies an exact fixed-point ramp (see ``FixedPointRamp``) to 8-bit levels.
    ///
    /// Per sample: `level = (clamp(s, lower, upper) * multiplier + bias) mod 2^32 >> 24` with the
    /// ramp's ``FixedPointRamp/kernelMultiplier`` and ``FixedPointRamp/kernelBias``, which equals the
    /// table (the wrapping is intended and proven there). Plain wrapping arithmetic on raw pointers so
    /// that LLVM vectorises the loop (AVX2: 16-bit clamp, 8 lanes of 32-bit multiply-add).
    static func rampRows(
        source: UnsafePointer<UInt16>, sourceStride: Int,
        destination: UnsafeMutablePointer<UInt8>, destinationStride: Int,
        width: Int, rows: Range<Int>, ramp: FixedPointRamp
    ) {
        let lower = ramp.lowerSample
        let upper = ramp.upperSample
        let multiplier = ramp.kernelMultiplier
        let bias = ramp.kernelBias
        for row in rows {
            // Row offsets stay inside the buffers (caller's guarantee), so they cannot overflow.
            let input = source + row &* sourceStride
            let output = destination + row &* destinationStride
            var x = 0
            while x < width {
                // Wraps modulo 2^32 on purpose: the exact ramp value lies in 0 ..< 2^32 and is congruent
                // to this (see FixedPointRamp.kernelMultiplier), so the top byte is the level.
                let clamped = min(max(input[x], lower), upper)
                let level = (UInt32(clamped) &* multiplier &+ bias) &>> 24
                output[x] = UInt8(truncatingIfNeeded: level)
                x &+= 1
            }
        }
    }

    /// Looks every sample up in `table`, which has 65,536 entries (one per possible `UInt16`), so
    /// no index can fall outside it.
    static func gatherRows<Level>(
        source: UnsafePointer<UInt16>, sourceStride: Int,
        destination: UnsafeMutablePointer<Level>, destinationStride: Int,
        width: Int, rows: Range<Int>, table: UnsafePointer<Level>
    ) {
        for row in rows {
            // Row offsets stay inside the buffers (caller's guarantee), so they cannot overflow.
            let input = source + row &* sourceStride
            let output = destination + row &* destinationStride
            var x = 0
            // Four samples per step: independent loads keep several lookups in flight.
            while x &+ 4 <= width {
                let a = table[Int(input[x])]
                let b = table[Int(input[x &+ 1])]
                let c = table[Int(input[x &+ 2])]
                let d = table[Int(input[x &+ 3])]
                output[x] = a
                output[x &+ 1] = b
                output[x &+ 2] = c
                output[x &+ 3] = d
                x &+= 4
            }
            while x < width {
                output[x] = table[Int(input[x])]
                x &+= 1
            }
        }
    }
}
