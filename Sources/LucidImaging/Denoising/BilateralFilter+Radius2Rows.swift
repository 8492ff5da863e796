/// Base-2 logarithms of the spatial weights of the radius-2 neighbours, by distance.
struct Radius2SpatialExponents: Sendable {
    /// Neighbours at distance 1: `(0, ±1)`, `(±1, 0)`.
    let adjacent: Float
    /// Neighbours at distance √2: `(±1, ±1)`.
    let diagonal: Float
    /// Neighbours at distance 2: `(0, ±2)`, `(±2, 0)`.
    let second: Float

    /// Reads the exponents of `(0, 1)`, `(1, 1)` and `(0, 2)` from `taps` (0 for a missing tap).
    init(taps: [BilateralTap]) {
        func exponent(_ dy: Int, _ dx: Int) -> Float {
            taps.first { $0.dy == dy && $0.dx == dx }?.exponent ?? 0
        }
        adjacent = exponent(0, 1)
        diagonal = exponent(1, 1)
        second = exponent(0, 2)
    }
}

/// The working rows of the radius-2 kernel, in one scratch buffer: rings of five scaled sample rows
/// and of three pair-weight rows, each `radius2RowLength` long. Row pointers point at column 0 of the
/// block, `radius2Margin` into the row. A weight row holds six pair rows `radius2RowLength` apart, in
/// the order `(0, 1)`, `(0, 2)`, `(1, -1)`, `(1, 0)`, `(1, 1)`, `(2, 0)`, where the weight at column
/// `x` is that of the pair `(p, p + d)` with `p` at `x`.
struct Radius2Rings {
    private let base: UnsafeMutablePointer<Float>

    /// Takes the rings' buffer from `scratch`.
    init(_ scratch: StripScratch) {
        base = scratch.zeros(Float.self, count: BilateralFilter.radius2RowLength * (5 + 3 * 6))
    }

    /// The scaled samples of image row `y` (`y >= -5`): one of five rows, so rows `y - 2 ... y + 2`
    /// are distinct.
    @inline(__always)
    func samples(_ y: Int) -> UnsafeMutablePointer<Float> {
        base + (y + 5) % 5 * BilateralFilter.radius2RowLength + BilateralFilter.radius2Margin
    }

    /// The pair weights of image row `y` (`y >= -3`): one of three groups of six rows, so rows
    /// `y - 2 ... y` are distinct.
    @inline(__always)
    func weights(_ y: Int) -> UnsafeMutablePointer<Float> {
        base + (5 + (y + 3) % 3 * 6) * BilateralFilter.radius2RowLength + BilateralFilter.radius2Margin
    }
}

extension BilateralFilter {
    /// Writes the weights of the six forward pairs of row `current` for columns `-2 ... count` into
    /// the six rows of `weights` (see `Radius2Rings`). `current`, `next` and `afterNext` are the
    /// scaled sample rows `y`, `y + 1`, `y + 2`, filled on columns `-3 ... count + 2`.
    @inline(__always)
    static func radius2PairWeights(
        current: UnsafePointer<Float>, next: UnsafePointer<Float>, afterNext: UnsafePointer<Float>, count: Int,
        spatial: Radius2SpatialExponents, into weights: UnsafeMutablePointer<Float>
    ) {
        let row = radius2RowLength
        // Columns -2 ... count: count + 3 pairs per row, reading columns -3 ... count + 2.
        let first = -2
        let pairs = count + 3
        let near = current + first
        pairWeightRow(near, current + first + 1, pairs, spatial.adjacent, weights + first)
        pairWeightRow(near, current + first + 2, pairs, spatial.second, weights + row + first)
        pairWeightRow(near, next + first - 1, pairs, spatial.diagonal, weights + 2 * row + first)
        pairWeightRow(near, next + first, pairs, spatial.adjacent, weights + 3 * row + first)
        pairWeightRow(near, next + first + 1, pairs, spatial.diagonal, weights + 4 * row + first)
        pairWeightRow(near, afterNext + first, pairs, spatial.second, weights + 5 * row + first)
    }

    /// `weights[x] = pairWeight(near[x], far[x])` for `x` in `0 ..< count`.
    @inline(__always)
    static func pairWeightRow(
        _ near: UnsafePointer<Float>, _ far: UnsafePointer<Float>, _ count: Int, _ spatialExponent: Float,
        _ weights: UnsafeMutablePointer<Float>
    ) {
        for x in 0..<count {
            weights[x] = pairWeight(near: near[x], far: far[x], spatialExponent: spatialExponent)
        }
    }

    /// Writes `round(Σ w I / Σ w)` of columns `0 ..< count` of image row `y` to `output`: the pixel's
    /// own term (weight 1), its six forward pairs and its six backward pairs, in a fixed order. Reads
    /// the scaled samples of rows `y - 2 ... y + 2` and the pair weights of rows `y - 2 ... y`. Every
    /// weight sum is at least 1, so the division is finite; `inverseScale` undoes the sample scaling.
    @inline(__always)
    static func radius2Means(
        _ rings: Radius2Rings, row y: Int, count: Int, inverseScale: Float, maximumSample: UInt32,
        output: UnsafeMutablePointer<UInt16>
    ) {
        let row = radius2RowLength
        let s2 = UnsafePointer(rings.samples(y - 2)), s1 = UnsafePointer(rings.samples(y - 1))
        let s0 = UnsafePointer(rings.samples(y))
        let t1 = UnsafePointer(rings.samples(y + 1)), t2 = UnsafePointer(rings.samples(y + 2))
        let w2 = UnsafePointer(rings.weights(y - 2)), w1 = UnsafePointer(rings.weights(y - 1))
        let w0 = UnsafePointer(rings.weights(y))
        // Columns -2 ... count + 2 of sample rows and -2 ... count of weight rows are filled;
        // indices never overflow (|x| <= radius2ColumnBlock + 2).
        for x in 0..<count {
            let centre = s0[x]
            // Forward pairs, from this row's weights.
            let right = w0[x], rightSecond = w0[row &+ x]
            let belowLeft = w0[2 &* row &+ x], below = w0[3 &* row &+ x]
            let belowRight = w0[4 &* row &+ x], belowSecond = w0[5 &* row &+ x]
            // Backward pairs: the same pairs seen from their other end.
            let left = w0[x &- 1], leftSecond = w0[row &+ x &- 2]
            let aboveRight = w1[2 &* row &+ x &+ 1], above = w1[3 &* row &+ x]
            let aboveLeft = w1[4 &* row &+ x &- 1], aboveSecond = w2[5 &* row &+ x]
            let horizontal = ((1 + right) + (left + rightSecond)) + leftSecond
            let vertical = ((below + above) + (belowSecond + aboveSecond))
            let diagonal = ((belowLeft + belowRight) + (aboveRight + aboveLeft))
            let weightSum = (horizontal + vertical) + diagonal
            var horizontalSum = centre.addingProduct(right, s0[x &+ 1])
            horizontalSum = horizontalSum.addingProduct(left, s0[x &- 1])
            horizontalSum = horizontalSum.addingProduct(rightSecond, s0[x &+ 2])
            horizontalSum = horizontalSum.addingProduct(leftSecond, s0[x &- 2])
            var verticalSum = below * t1[x]
            verticalSum = verticalSum.addingProduct(above, s1[x])
            verticalSum = verticalSum.addingProduct(belowSecond, t2[x])
            verticalSum = verticalSum.addingProduct(aboveSecond, s2[x])
            var diagonalSum = belowLeft * t1[x &- 1]
            diagonalSum = diagonalSum.addingProduct(belowRight, t1[x &+ 1])
            diagonalSum = diagonalSum.addingProduct(aboveRight, s1[x &+ 1])
            diagonalSum = diagonalSum.addingProduct(aboveLeft, s1[x &- 1])
            let valueSum = (horizontalSum + verticalSum) + diagonalSum
            output[x] = roundedSample(valueSum / weightSum * inverseScale, maximumSample: maximumSample)
        }
    }
}
