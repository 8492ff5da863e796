extension NonLocalMeans {
    /// Output rows per tile of the 16-bit kernel: taller than `tileRows`, since each displacement
    /// group also computes the `dy` rows above the tile; the tile's `Float` sums (2 x 160 x 256 x 4
    /// bytes) and samples (about 200 KB) stay near a 512 KB L2 cache. 160 measured fastest of
    /// 64 ... 224 rows for 2048 x 2500 images.
    static let narrowTileRows = 160

    /// The most displacements one pass over the tile's sums adds: groups of 7 (then 3, then 1 at
    /// the end of a row of displacements) load and store each `Float` sum once per 7 terms.
    static let narrowGroupLimit = 7

    /// Denoises output rows `rows` (a strip) with 16-bit column sums: the same tile and
    /// displacement-pair order as `denoiseStrip`, for images whose samples keep a template column
    /// sum within `UInt16` (`templateSize * maximum sample <= 65535`). Patch sums saturate at 65535,
    /// beyond the weight cutoff of `weights`; the tile's samples are read as `Float`.
    func denoiseStripNarrow(_ image: FilterBuffers, rows: Range<Int>, weights: NarrowPatchWeights) {
        let templateHalf = templateSize / 2
        let searchHalf = searchSize / 2
        // A group's column sums span the region of its widest displacement, so its first and last
        // displacements read up to `count - 1` columns (6 for a group of 7) beyond the tile, plus
        // the template: more than the search window when that is narrower than 13.
        let strip = PaddedStrip(image, rows: rows, border: templateHalf + max(searchHalf, Self.narrowGroupLimit - 1))
        let tileRows = Self.narrowTileRows
        let tileColumns = Self.tileColumns
        let regionCapacity = tileColumns + 2 * searchHalf
        let samplesStride = tileColumns + 2 * searchHalf
        let columnStride = regionCapacity + 2 * templateHalf
        StripScratch.with { buffers in
            let samples = buffers.zeros(Float.self, count: (tileRows + 2 * searchHalf) * samplesStride)
            let scratch = NonLocalMeansNarrowScratch(
                columnSums: buffers.zeros(UInt16.self, count: Self.narrowGroupLimit * columnStride),
                columnStride: columnStride, indices: buffers.zeros(UInt16.self, count: regionCapacity),
                pairWeights: buffers.zeros(Float.self, count: Self.narrowGroupLimit * regionCapacity),
                weightStride: regionCapacity, weights: buffers.zeros(Float.self, count: tileRows * tileColumns),
                values: buffers.zeros(Float.self, count: tileRows * tileColumns),
                samples: samples + searchHalf * samplesStride + searchHalf)
            forEachTile(
                of: strip, tileRows: tileRows, weights: scratch.weights, values: scratch.values, into: image
            ) { origin, height, width in
                let tile = NonLocalMeansNarrowTile(
                    origin: origin, paddedWidth: strip.stride, height: height, width: width, sumsStride: tileColumns,
                    samplesStride: samplesStride, templateHalf: templateHalf, searchHalf: searchHalf)
                tile.start(scratch: scratch)
                forEachForwardDisplacement { dy, dx in
                    let count = searchHalf - dx >= 6 ? 7 : (searchHalf - dx >= 2 ? 3 : 1)
                    tile.accumulateGroup(dy: dy, firstDx: dx, count: count, scratch: scratch, weights: weights)
                    return count
                }
            }
        }
    }
}

/// A strip's working rows for the 16-bit kernel: column sums and weight indices for up to
/// `tileColumns + 2 * (searchSize / 2)` pixels (plus the template margin), their weights, the tile's
/// weight and value sums, and the tile's samples as `Float`; `samples` points at tile pixel (0, 0)
/// of a buffer with `searchSize / 2` extra rows and columns on every side.
struct NonLocalMeansNarrowScratch {
    /// Three rows of column sums, `columnStride` apart.
    let columnSums: UnsafeMutablePointer<UInt16>
    let columnStride: Int
    let indices: UnsafeMutablePointer<UInt16>
    /// Three rows of pair weights, `weightStride` apart.
    let pairWeights: UnsafeMutablePointer<Float>
    let weightStride: Int
    let weights: UnsafeMutablePointer<Float>
    let values: UnsafeMutablePointer<Float>
    let samples: UnsafeMutablePointer<Float>
}
