/// One tile of a strip's padded copy for the 16-bit kernel: `origin` points at the padded sample of
/// tile pixel (0, 0); rows are `paddedWidth` apart. The padded copy holds `templateSize / 2 +
/// max(searchSize / 2, 6)` extra samples on every side, so every read below, at most that far
/// outside the tile, stays inside it (a group of displacements reads up to 6 columns beyond the
/// tile on either side, whatever the search window).
struct NonLocalMeansNarrowTile {
    let origin: UnsafePointer<UInt16>
    let paddedWidth: Int
    let height: Int
    let width: Int
    let sumsStride: Int
    let samplesStride: Int
    let templateHalf: Int
    let searchHalf: Int

    /// Copies the tile's samples, `searchHalf` beyond it on every side, to `scratch.samples` as
    /// `Float`, and starts every pixel's sums with its own term: weight 1, value `I(p)`.
    func start(scratch: NonLocalMeansNarrowScratch) {
        for row in -searchHalf..<(height + searchHalf) {
            let from = origin + row * paddedWidth
            let to = scratch.samples + row * samplesStride
            for x in -searchHalf..<(width + searchHalf) { to[x] = Float(from[x]) }
        }
        for row in 0..<height {
            let samples = scratch.samples + row * samplesStride
            let rowWeights = scratch.weights + row * sumsStride
            let rowValues = scratch.values + row * sumsStride
            for x in 0..<width {
                rowWeights[x] = 1
                rowValues[x] = samples[x]
            }
        }
    }

    /// Adds the pair weights of the `count` displacements `d_g = (dy, firstDx + g)` (`count` is 1,
    /// 3 or 7; `dy > 0`, or `dy == 0` and `firstDx > 0`), as `NonLocalMeansTile.accumulatePair` does
    /// for each: pixel `q` of the tile gets `w(q, q + d_g)` with value `I(q + d_g)` and
    /// `w(q - d_g, q)` with value `I(q - d_g)`. Row by row, each pixel first gets the second kind
    /// (from row `q.y - dy`) and then the first, each for `g` in order; the groups depend only on
    /// the displacements, so the order of the sums does not depend on the tile layout.
    func accumulateGroup(
        dy: Int, firstDx: Int, count: Int, scratch: NonLocalMeansNarrowScratch, weights: NarrowPatchWeights
    ) {
        let lastDx = firstDx + count - 1
        let left = min(0, -lastDx)
        let regionWidth = width + max(0, -firstDx) - left
        let span = regionWidth + 2 * templateHalf
        let templateSize = 2 * templateHalf + 1
        let first = origin + left - templateHalf  // column `left - templateHalf` of row 0
        let columnStride = scratch.columnStride
        let weightStride = scratch.weightStride
        for g in 0..<count {
            let columnSums = scratch.columnSums + g * columnStride
            let displacement = dy * paddedWidth + firstDx + g
            columnSums.update(repeating: 0, count: span)
            for row in (-dy - templateHalf)...(-dy + templateHalf) {
                let a = first + row * paddedWidth
                PatchDifferences.add(a: a, b: a + displacement, sums: columnSums, count: span)
            }
        }
        let pairWeights = UnsafePointer(scratch.pairWeights - left)
        let sampleShift = dy * samplesStride + firstDx
        for row in -dy..<height {
            for g in 0..<count {
                NonLocalMeansNarrowRows.patchIndices(
                    columnSums: scratch.columnSums + g * columnStride, into: scratch.indices, count: regionWidth,
                    length: templateSize, weights: weights)
                NonLocalMeansNarrowRows.patchWeights(
                    indices: scratch.indices, into: scratch.pairWeights + g * weightStride, count: regionWidth,
                    weights: weights)
            }
            let rowSamples = scratch.samples + row * samplesStride
            if row >= 0 {
                // q = (row, x), partner q + d_g; pair weight index x - left.
                let rowWeights = scratch.weights + row * sumsStride
                let rowValues = scratch.values + row * sumsStride
                let partners = UnsafePointer(rowSamples + sampleShift)
                if count == 7 {
                    NonLocalMeansNarrowRows.addWeighted7(
                        pairWeights: pairWeights, pairStep: weightStride, samples: partners, sampleStep: 1,
                        count: width, weights: rowWeights, values: rowValues)
                } else if count == 3 {
                    NonLocalMeansNarrowRows.addWeighted3(
                        pairWeights: (pairWeights, pairWeights + weightStride, pairWeights + 2 * weightStride),
                        samples: (partners, partners + 1, partners + 2), count: width, weights: rowWeights,
                        values: rowValues)
                } else {
                    NonLocalMeansNarrowRows.addWeighted(
                        pairWeights: pairWeights, samples: partners, count: width, weights: rowWeights,
                        values: rowValues)
                }
            }
            if row + dy < height {
                // q = (row + dy, x), partner q - d_g = (row, x - dx_g); pair weight index x - dx_g - left.
                let rowWeights = scratch.weights + (row + dy) * sumsStride
                let rowValues = scratch.values + (row + dy) * sumsStride
                let partners = UnsafePointer(rowSamples - firstDx)
                let shifted = pairWeights - firstDx
                if count == 7 {
                    NonLocalMeansNarrowRows.addWeighted7(
                        pairWeights: shifted, pairStep: weightStride - 1, samples: partners, sampleStep: -1,
                        count: width, weights: rowWeights, values: rowValues)
                } else if count == 3 {
                    NonLocalMeansNarrowRows.addWeighted3(
                        pairWeights: (shifted, shifted + weightStride - 1, shifted + 2 * weightStride - 2),
                        samples: (partners, partners - 1, partners - 2), count: width, weights: rowWeights,
                        values: rowValues)
                } else {
                    NonLocalMeansNarrowRows.addWeighted(
                        pairWeights: shifted, samples: partners, count: width, weights: rowWeights, values: rowValues)
                }
            }
            if row + 1 < height {
                for g in 0..<count {
                    PatchDifferences.slide(
                        entering: first + (row + 1 + templateHalf) * paddedWidth,
                        leaving: first + (row - templateHalf) * paddedWidth,
                        displacement: dy * paddedWidth + firstDx + g, sums: scratch.columnSums + g * columnStride,
                        count: span)
                }
            }
        }
    }
}
