extension NonLocalMeans {
    /// Output rows per tile: the tile's `Float` sums (2 x rows x columns x 4 bytes) stay in the L2
    /// cache while every displacement of the search window passes over them.
    static let tileRows = 32
    /// Output columns per tile.
    static let tileColumns = 256

    /// Denoises output rows `rows` (a strip) into `destination`, tile by tile. Each tile visits the
    /// displacements `(dy, dx)` of the search window in row-major order; for each it keeps running
    /// column sums of `|I(p) - I(p + d)|` over the template height, box-sums them across the template
    /// width, and adds `w` and `w * I(p + d)` to the tile's sums. Every pixel therefore adds the same
    /// terms in the same order whatever the strip and tile layout.
    func denoiseStrip(
        source: UnsafePointer<UInt16>, sourceStride: Int, width: Int, height: Int, rows: Range<Int>,
        destination: UnsafeMutablePointer<UInt16>, destinationStride: Int
    ) {
        let templateHalf = templateSize / 2
        let searchHalf = searchSize / 2
        let border = templateHalf + searchHalf
        let paddedWidth = width + 2 * border
        let padded = DenoisingBorder.paddedRows(
            source: source, stride: sourceStride, width: width, height: height, rows: rows, border: border)
        let tileRows = Self.tileRows
        let tileColumns = Self.tileColumns
        let span = tileColumns + 2 * templateHalf
        var weightSums = [Float](repeating: 0, count: tileRows * tileColumns)
        var valueSums = [Float](repeating: 0, count: tileRows * tileColumns)
        var columnSums = [UInt32](repeating: 0, count: span)
        var patchSums = [UInt32](repeating: 0, count: tileColumns)
        let weightParameters = PatchWeightParameters(
            shift: UInt32(distanceShift), distanceScale: distanceScale, exponentScale: exponentScale)
        // bitsStored <= 16, so the maximum sample fits UInt32.
        let maximumSample = UInt32((1 << bitsStored) - 1)
        padded.withUnsafeBufferPointer { paddedBuffer in
            weightSums.withUnsafeMutableBufferPointer { weightBuffer in
                valueSums.withUnsafeMutableBufferPointer { valueBuffer in
                    columnSums.withUnsafeMutableBufferPointer { columnBuffer in
                        patchSums.withUnsafeMutableBufferPointer { patchBuffer in
                            guard let paddedBase = paddedBuffer.baseAddress, let weights = weightBuffer.baseAddress,
                                let values = valueBuffer.baseAddress, let columns = columnBuffer.baseAddress,
                                let patches = patchBuffer.baseAddress
                            else { return }
                            var tileTop = 0
                            while tileTop < rows.count {
                                let tileHeight = min(tileRows, rows.count - tileTop)
                                var tileLeft = 0
                                while tileLeft < width {
                                    let tileWidth = min(tileColumns, width - tileLeft)
                                    let tile = NonLocalMeansTile(
                                        // Padded (row, column) of tile pixel (0, -templateHalf).
                                        origin: paddedBase + (tileTop + border) * paddedWidth + tileLeft + border
                                            - templateHalf,
                                        paddedWidth: paddedWidth, height: tileHeight, width: tileWidth,
                                        sumsStride: tileColumns, templateHalf: templateHalf)
                                    weights.update(repeating: 0, count: tileRows * tileColumns)
                                    values.update(repeating: 0, count: tileRows * tileColumns)
                                    for dy in -searchHalf...searchHalf {
                                        for dx in -searchHalf...searchHalf {
                                            tile.accumulate(
                                                displacement: dy * paddedWidth + dx, columnSums: columns,
                                                patchSums: patches, weights: weights, values: values,
                                                parameters: weightParameters)
                                        }
                                    }
                                    for row in 0..<tileHeight {
                                        let outputRow = rows.lowerBound + tileTop + row
                                        BilateralFilter.storeMeans(
                                            weights: weights + row * tileColumns, values: values + row * tileColumns,
                                            count: tileWidth, maximumSample: maximumSample,
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

/// The constants of the patch weight `w = 2^(exponentScale * ((S >> shift) * distanceScale)²)`,
/// zero below 0.001.
struct PatchWeightParameters {
    let shift: UInt32
    let distanceScale: Float
    let exponentScale: Float
}

/// One tile of a strip's padded copy: `origin` points at the padded sample of tile row 0, tile
/// column `-templateHalf`; rows are `paddedWidth` apart.
struct NonLocalMeansTile {
    let origin: UnsafePointer<UInt16>
    let paddedWidth: Int
    let height: Int
    let width: Int
    let sumsStride: Int
    let templateHalf: Int

    /// Adds the contribution of one displacement (`displacement` = `dy * paddedWidth + dx`) to
    /// every pixel of the tile. The padded copy holds `searchSize / 2 + templateSize / 2` extra
    /// samples on every side, so each read below stays inside it.
    func accumulate(
        displacement: Int, columnSums: UnsafeMutablePointer<UInt32>, patchSums: UnsafeMutablePointer<UInt32>,
        weights: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>,
        parameters: PatchWeightParameters
    ) {
        let span = width + 2 * templateHalf
        let templateSize = 2 * templateHalf + 1
        columnSums.update(repeating: 0, count: span)
        for row in -templateHalf...templateHalf {
            let a = origin + row * paddedWidth
            NonLocalMeansRows.addDifferences(a: a, b: a + displacement, sums: columnSums, count: span)
        }
        for row in 0..<height {
            NonLocalMeansRows.boxSum(columnSums, into: patchSums, count: width, length: templateSize)
            let b = origin + row * paddedWidth + displacement + templateHalf
            NonLocalMeansRows.accumulateWeights(
                patchSums: patchSums, samples: b, count: width, parameters: parameters,
                weights: weights + row * sumsStride, values: values + row * sumsStride)
            if row + 1 < height {
                let entering = origin + (row + 1 + templateHalf) * paddedWidth
                let leaving = origin + (row - templateHalf) * paddedWidth
                NonLocalMeansRows.slideDifferences(
                    entering: entering, leaving: leaving, displacement: displacement, sums: columnSums,
                    count: span)
            }
        }
    }
}
