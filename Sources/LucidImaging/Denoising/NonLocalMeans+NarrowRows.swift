/// The row loops of the non-local means kernel for samples whose template column sums fit
/// `UInt16` (`templateSize * maximum sample <= 65535`, e.g. 12-bit data with a 7 x 7 template):
/// plain loops over pointers with wrapping and saturating 16-bit arithmetic, which vectorise over
/// 16 columns per AVX2 register.
enum NonLocalMeansNarrowRows {
    /// `min(a + b, 65535)`: compiles to one saturating vector add.
    @inline(__always)
    static func saturatingAdd(_ a: UInt16, _ b: UInt16) -> UInt16 {
        // a + b when a <= 65535 - b (= ~b), else 65535 - b + b: no wrap either way.
        min(a, ~b) &+ b
    }

    /// `indices[x] = weights.index(columnSums[x] + ... + columnSums[x + length - 1])` for `x` in
    /// `0..<count`, the patch sums saturated at 65535 (at or beyond the weight cutoff). Pure 16-bit
    /// arithmetic, 16 columns per vector.
    @inline(__always)
    static func patchIndices(
        columnSums: UnsafePointer<UInt16>, into indices: UnsafeMutablePointer<UInt16>, count: Int, length: Int,
        weights: NarrowPatchWeights
    ) {
        if length == 7 {
            for x in 0..<count {
                let c = columnSums + x
                let sum = saturatingAdd(
                    saturatingAdd(saturatingAdd(c[0], c[1]), saturatingAdd(c[2], c[3])),
                    saturatingAdd(saturatingAdd(c[4], c[5]), c[6]))
                indices[x] = weights.index(sum)
            }
            return
        }
        indices.update(from: columnSums, count: count)
        for offset in 1..<max(length, 1) {
            let shifted = columnSums + offset
            for x in 0..<count { indices[x] = saturatingAdd(indices[x], shifted[x]) }
        }
        for x in 0..<count { indices[x] = weights.index(indices[x]) }
    }

    /// `pairWeights[x] = weights.weight(index: indices[x])` for `x` in `0..<count`.
    @inline(__always)
    static func patchWeights(
        indices: UnsafePointer<UInt16>, into pairWeights: UnsafeMutablePointer<Float>, count: Int,
        weights: NarrowPatchWeights
    ) {
        for x in 0..<count { pairWeights[x] = weights.weight(index: indices[x]) }
    }

    /// `weights[x] += pairWeights[x]`, `values[x] += pairWeights[x] * samples[x]`.
    @inline(__always)
    static func addWeighted(
        pairWeights: UnsafePointer<Float>, samples: UnsafePointer<Float>, count: Int,
        weights: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>
    ) {
        for x in 0..<count {
            let weight = pairWeights[x]
            weights[x] += weight
            values[x] = values[x].addingProduct(weight, samples[x])
        }
    }

    /// `addWeighted` for three displacements in one pass, in the order 0, 1, 2: the same sums as
    /// three calls, with one load and store of `weights` and `values`.
    @inline(__always)
    static func addWeighted3(
        pairWeights: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>),
        samples: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>), count: Int,
        weights: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>
    ) {
        for x in 0..<count {
            let (weight0, weight1, weight2) = (pairWeights.0[x], pairWeights.1[x], pairWeights.2[x])
            weights[x] = weights[x] + weight0 + weight1 + weight2
            var value = values[x].addingProduct(weight0, samples.0[x])
            value = value.addingProduct(weight1, samples.1[x])
            values[x] = value.addingProduct(weight2, samples.2[x])
        }
    }

    /// `addWeighted` for seven displacements in one pass, in the order 0 ... 6: displacement `g`
    /// reads its pair weights at `pairWeights + g * pairStep` and its samples at
    /// `samples + g * sampleStep`. The same sums as seven calls, with one load and store of
    /// `weights` and `values`.
    @inline(__always)
    static func addWeighted7(
        pairWeights: UnsafePointer<Float>, pairStep: Int, samples: UnsafePointer<Float>, sampleStep: Int,
        count: Int, weights: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>
    ) {
        let (p0, p1, p2, p3) = (
            pairWeights, pairWeights + pairStep, pairWeights + 2 * pairStep, pairWeights + 3 * pairStep
        )
        let (p4, p5, p6) = (pairWeights + 4 * pairStep, pairWeights + 5 * pairStep, pairWeights + 6 * pairStep)
        let (s0, s1, s2, s3) = (samples, samples + sampleStep, samples + 2 * sampleStep, samples + 3 * sampleStep)
        let (s4, s5, s6) = (samples + 4 * sampleStep, samples + 5 * sampleStep, samples + 6 * sampleStep)
        for x in 0..<count {
            let (w0, w1, w2, w3, w4, w5, w6) = (p0[x], p1[x], p2[x], p3[x], p4[x], p5[x], p6[x])
            weights[x] = weights[x] + w0 + w1 + w2 + w3 + w4 + w5 + w6
            var value = values[x].addingProduct(w0, s0[x])
            value = value.addingProduct(w1, s1[x])
            value = value.addingProduct(w2, s2[x])
            value = value.addingProduct(w3, s3[x])
            value = value.addingProduct(w4, s4[x])
            value = value.addingProduct(w5, s5[x])
            values[x] = value.addingProduct(w6, s6[x])
        }
    }
}
