extension NonLocalMeans {
    /// Output rows per tile: the tile's `Float` sums (2 x rows x columns x 4 bytes) stay in the L2
    /// cache while every displacement of the search window passes over them.
    static let tileRows = 48
    /// Output columns per tile.
    static let tileColumns = 256

    /// Denoises output rows `rows` (a strip) into `destination`, tile by tile.
    ///
    /// The patch difference of `p` and `p + d` is also that of `p + d` and `p` (displacement `-d`),
    /// so each tile visits only the displacements `d = (dy, dx)` with `dy > 0`, or `dy == 0` and
    /// `dx > 0`, in row-major order, and gives each pair weight to both pixels. For each `d` it keeps
    /// running column sums of `|I(p) - I(p + d)|` over the template height, box-sums them across
    /// the template width, and adds `w` and `w * I` to the tile's sums. A pixel's sums start with
    /// its own weight 1 and then add the same terms in the same order whatever the strip and tile
    /// layout, so the result does not depend on the thread count.
    func denoiseStrip(_ image: FilterBuffers, rows: Range<Int>) {
        let templateHalf = templateSize / 2
        let strip = PaddedStrip(image, rows: rows, border: templateHalf + searchSize / 2)
        let tileColumns = Self.tileColumns
        let regionCapacity = tileColumns + searchSize / 2
        let parameters = PatchWeightParameters(
            shift: UInt32(distanceShift), distanceScale: distanceScale, exponentScale: exponentScale)
        StripScratch.with { buffers in
            let scratch = NonLocalMeansScratch(
                columnSums: buffers.zeros(UInt32.self, count: regionCapacity + 2 * templateHalf),
                patchSums: buffers.zeros(UInt32.self, count: regionCapacity),
                pairWeights: buffers.zeros(Float.self, count: regionCapacity),
                weights: buffers.zeros(Float.self, count: Self.tileRows * tileColumns),
                values: buffers.zeros(Float.self, count: Self.tileRows * tileColumns))
            forEachTile(
                of: strip, tileRows: Self.tileRows, weights: scratch.weights, values: scratch.values, into: image
            ) { origin, height, width in
                let tile = NonLocalMeansTile(
                    origin: origin, paddedWidth: strip.stride, height: height, width: width, sumsStride: tileColumns,
                    templateHalf: templateHalf)
                tile.startSums(weights: scratch.weights, values: scratch.values)
                forEachForwardDisplacement { dy, dx in
                    tile.accumulatePair(dy: dy, dx: dx, scratch: scratch, parameters: parameters)
                    return 1
                }
            }
        }
    }
}

/// The constants of the patch weight `w = 2^(exponentScale * ((S >> shift) * distanceScale)²)`,
/// zero below 0.001.
struct PatchWeightParameters {
    let shift: UInt32
    let distanceScale: Float
    let exponentScale: Float

    /// The weight of a patch whose sum of absolute differences is `patchSum` (below 2^26).
    @inline(__always)
    func weight(patchSum: UInt32) -> Float {
        // Patch sums are below 2^26, so the signed conversion is exact and vectorises.
        let distance = Float(Int32(bitPattern: patchSum &>> shift)) * distanceScale
        let weight = fastExp2(max(distance * distance * exponentScale, -126))
        return weight < 0.001 ? 0 : weight
    }
}

/// A strip's working rows: column sums and patch sums for up to `tileColumns + searchSize / 2`
/// pixels (plus the template margin), their weights, and the tile's weight and value sums.
struct NonLocalMeansScratch {
    let columnSums: UnsafeMutablePointer<UInt32>
    let patchSums: UnsafeMutablePointer<UInt32>
    let pairWeights: UnsafeMutablePointer<Float>
    let weights: UnsafeMutablePointer<Float>
    let values: UnsafeMutablePointer<Float>
}

/// One tile of a strip's padded copy: `origin` points at the padded sample of tile pixel (0, 0);
/// rows are `paddedWidth` apart. The padded copy holds `searchSize / 2 + templateSize / 2` extra
/// samples on every side, so every read below, at most that far outside the tile, stays inside it.
struct NonLocalMeansTile {
    let origin: UnsafePointer<UInt16>
    let paddedWidth: Int
    let height: Int
    let width: Int
    let sumsStride: Int
    let templateHalf: Int

    /// Starts every pixel's sums with its own term: weight 1, value `I(p)`.
    func startSums(weights: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>) {
        for row in 0..<height {
            let samples = origin + row * paddedWidth
            let rowWeights = weights + row * sumsStride
            let rowValues = values + row * sumsStride
            for x in 0..<width {
                rowWeights[x] = 1
                rowValues[x] = Float(samples[x])
            }
        }
    }

    /// Adds the pair weights of displacement `d = (dy, dx)` (`dy > 0`, or `dy == 0` and `dx > 0`):
    /// pixel `q` of the tile gets `w(q, q + d)` with value `I(q + d)` and `w(q - d, q)` with value
    /// `I(q - d)`. The patch sums are computed for the pixels `p` of rows `-dy ..< height` and
    /// columns `min(0, -dx) ..< width + max(0, -dx)`, which covers `q` and `q - d` for every `q`.
    func accumulatePair(dy: Int, dx: Int, scratch: NonLocalMeansScratch, parameters: PatchWeightParameters) {
        let displacement = dy * paddedWidth + dx
        let left = min(0, -dx)
        let regionWidth = width + abs(dx)
        let span = regionWidth + 2 * templateHalf
        let templateSize = 2 * templateHalf + 1
        let first = origin + left - templateHalf  // column `left - templateHalf` of row 0
        let columnSums = scratch.columnSums
        columnSums.update(repeating: 0, count: span)
        for row in (-dy - templateHalf)...(-dy + templateHalf) {
            let a = first + row * paddedWidth
            PatchDifferences.add(a: a, b: a + displacement, sums: columnSums, count: span)
        }
        for row in -dy..<height {
            if templateSize == 7 {
                NonLocalMeansRows.patchWeights7(
                    columnSums: columnSums, into: scratch.pairWeights, count: regionWidth, parameters: parameters)
            } else {
                NonLocalMeansRows.boxSum(
                    columnSums, into: scratch.patchSums, count: regionWidth, length: templateSize)
                NonLocalMeansRows.patchWeights(
                    patchSums: scratch.patchSums, into: scratch.pairWeights, count: regionWidth,
                    parameters: parameters)
            }
            let rowStart = origin + row * paddedWidth
            if row >= 0 {
                // q = (row, x), partner q + d; pair weight index x - left.
                DenoisingRows.addWeighted(
                    pairWeights: scratch.pairWeights - left, samples: rowStart + displacement, count: width,
                    weights: scratch.weights + row * sumsStride, values: scratch.values + row * sumsStride)
            }
            if row + dy < height {
                // q = (row + dy, x), partner q - d = (row, x - dx); pair weight index x - dx - left.
                DenoisingRows.addWeighted(
                    pairWeights: scratch.pairWeights - dx - left, samples: rowStart - dx, count: width,
                    weights: scratch.weights + (row + dy) * sumsStride,
                    values: scratch.values + (row + dy) * sumsStride)
            }
            if row + 1 < height {
                PatchDifferences.slide(
                    entering: first + (row + 1 + templateHalf) * paddedWidth,
                    leaving: first + (row - templateHalf) * paddedWidth, displacement: displacement,
                    sums: columnSums, count: span)
            }
        }
    }
}
