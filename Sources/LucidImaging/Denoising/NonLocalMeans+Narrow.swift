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
    func denoiseStripNarrow(
        source: UnsafePointer<UInt16>, sourceStride: Int, width: Int, height: Int, rows: Range<Int>,
        destination: UnsafeMutablePointer<UInt16>, destinationStride: Int, weights: NarrowPatchWeights
    ) {
        let templateHalf = templateSize / 2
        let searchHalf = searchSize / 2
        // A group's column sums span the region of its widest displacement, so its first and last
        // displacements read up to `count - 1` columns (6 for a group of 7) beyond the tile, plus
        // the template: more than the search window when that is narrower than 13.
        let border = templateHalf + max(searchHalf, Self.narrowGroupLimit - 1)
        let paddedWidth = width + 2 * border
        let padded = DenoisingBorder.paddedRows(
            source: source, stride: sourceStride, width: width, height: height, rows: rows, border: border)
        let tileRows = Self.narrowTileRows
        let tileColumns = Self.tileColumns
        let regionCapacity = tileColumns + 2 * searchHalf
        let samplesStride = tileColumns + 2 * searchHalf
        var sums = [Float](repeating: 0, count: 2 * tileRows * tileColumns)
        var samples = [Float](repeating: 0, count: (tileRows + 2 * searchHalf) * samplesStride)
        let columnStride = regionCapacity + 2 * templateHalf
        var columnSums = [UInt16](repeating: 0, count: Self.narrowGroupLimit * columnStride)
        var indices = [UInt16](repeating: 0, count: regionCapacity)
        var pairWeights = [Float](repeating: 0, count: Self.narrowGroupLimit * regionCapacity)
        // bitsStored <= 16, so the maximum sample fits UInt32.
        let maximumSample = UInt32((1 << bitsStored) - 1)
        padded.withUnsafeBufferPointer { paddedBuffer in
            sums.withUnsafeMutableBufferPointer { sumsBuffer in
                samples.withUnsafeMutableBufferPointer { samplesBuffer in
                    columnSums.withUnsafeMutableBufferPointer { columnBuffer in
                        indices.withUnsafeMutableBufferPointer { indexBuffer in
                            pairWeights.withUnsafeMutableBufferPointer { pairBuffer in
                                guard let paddedBase = paddedBuffer.baseAddress, let sumsBase = sumsBuffer.baseAddress,
                                    let samplesBase = samplesBuffer.baseAddress,
                                    let columns = columnBuffer.baseAddress, let indexBase = indexBuffer.baseAddress,
                                    let pairs = pairBuffer.baseAddress
                                else { return }
                                let scratch = NonLocalMeansNarrowScratch(
                                    columnSums: columns, columnStride: columnStride, indices: indexBase,
                                    pairWeights: pairs, weightStride: regionCapacity, weights: sumsBase,
                                    values: sumsBase + tileRows * tileColumns,
                                    samples: samplesBase + searchHalf * samplesStride + searchHalf)
                                var tileTop = 0
                                while tileTop < rows.count {
                                    let tileHeight = min(tileRows, rows.count - tileTop)
                                    var tileLeft = 0
                                    while tileLeft < width {
                                        let tileWidth = min(tileColumns, width - tileLeft)
                                        let tile = NonLocalMeansNarrowTile(
                                            origin: paddedBase + (tileTop + border) * paddedWidth + tileLeft + border,
                                            paddedWidth: paddedWidth, height: tileHeight, width: tileWidth,
                                            sumsStride: tileColumns, samplesStride: samplesStride,
                                            templateHalf: templateHalf, searchHalf: searchHalf)
                                        tile.start(scratch: scratch)
                                        for dy in 0...searchHalf {
                                            var dx = dy == 0 ? 1 : -searchHalf
                                            while dx <= searchHalf {
                                                let count = searchHalf - dx >= 6 ? 7 : (searchHalf - dx >= 2 ? 3 : 1)
                                                tile.accumulateGroup(
                                                    dy: dy, firstDx: dx, count: count, scratch: scratch,
                                                    weights: weights)
                                                dx += count
                                            }
                                        }
                                        for row in 0..<tileHeight {
                                            let outputRow = rows.lowerBound + tileTop + row
                                            DenoisingRows.storeMeans(
                                                weights: scratch.weights + row * tileColumns,
                                                values: scratch.values + row * tileColumns, count: tileWidth,
                                                maximumSample: maximumSample,
                                                output: destination + outputRow * destinationStride + tileLeft)
                                        }
                                        tileLeft += tileWidth
                                    }
                                    tileTop += tileHeight
                                }
                            }
                        }
                    }
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
