extension CLAHETileTables {
    /// Maps every pixel of `image.source` through the four nearest tile tables, blended bilinearly by
    /// OpenCV's single-precision rule (see ``CLAHE``), into `image.destination`. Rows are split
    /// into strips over up to `threads` threads; each output row depends only on its input row and the
    /// tables, so the result does not depend on the thread count.
    func interpolate(_ image: FilterBuffers, threads: Int) {
        let grid = grid
        let histogramSize = histogramSize
        let columns = CLAHEColumnWeights(width: grid.width, tileWidth: grid.tileWidth, tiles: grid.tilesX)
        tables.withUnsafeBufferPointer { tableBuffer in
            guard let tableBase = tableBuffer.baseAddress else { return }
            let sharedTables = SendableConstPointer(tableBase)
            columns.left.withUnsafeBufferPointer { leftBuffer in
                columns.right.withUnsafeBufferPointer { rightBuffer in
                    guard let leftBase = leftBuffer.baseAddress, let rightBase = rightBuffer.baseAddress else {
                        return
                    }
                    let leftWeights = SendableConstPointer(leftBase)
                    let rightWeights = SendableConstPointer(rightBase)
                    image.forEachStrip(threads: threads) { rows in
                        for y in rows {
                            let (rowTile, lowerWeight) = CLAHEColumnWeights.position(y, tileSize: grid.tileHeight)
                            let upperTile = max(rowTile, 0)
                            let lowerTile = min(rowTile + 1, grid.tilesY - 1)
                            let upperTables = sharedTables.base + upperTile * grid.tilesX * histogramSize
                            let lowerTables = sharedTables.base + lowerTile * grid.tilesX * histogramSize
                            let input = image.sourceRow(y)
                            let output = image.destinationRow(y)
                            for run in columns.runs {
                                Self.blendRun(
                                    run.columns, input: input, output: output,
                                    upperLeft: upperTables + run.leftTile * histogramSize,
                                    upperRight: upperTables + run.rightTile * histogramSize,
                                    lowerLeft: lowerTables + run.leftTile * histogramSize,
                                    lowerRight: lowerTables + run.rightTile * histogramSize,
                                    leftWeights: leftWeights.base, rightWeights: rightWeights.base,
                                    upperWeight: 1 - lowerWeight, lowerWeight: lowerWeight,
                                    lastBin: UInt16(truncatingIfNeeded: histogramSize - 1))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The inner loop: columns `columns` of one row, whose four tile tables are fixed.
    /// `res = (UL * wl + UR * wr) * wu + (LL * wl + LR * wr) * wd`, in this order, rounded half to even.
    @inline(__always)
    private static func blendRun(
        _ columns: Range<Int>, input: UnsafePointer<UInt16>, output: UnsafeMutablePointer<UInt16>,
        upperLeft: UnsafePointer<Float>, upperRight: UnsafePointer<Float>,
        lowerLeft: UnsafePointer<Float>, lowerRight: UnsafePointer<Float>,
        leftWeights: UnsafePointer<Float>, rightWeights: UnsafePointer<Float>,
        upperWeight: Float, lowerWeight: Float, lastBin: UInt16
    ) {
        // Adding 1.5 * 2^23 rounds a Float in [0, 2^22) to the nearest integer, ties to even (the FPU's
        // default mode, as OpenCV's cvRound), and leaves that integer in the low mantissa bits. `blend`
        // is a convex combination of table entries <= lastBin <= 65535 (at most one ulp above), so it is
        // in range, the integer is <= lastBin, and `&-` of the constant's bit pattern cannot wrap.
        let roundingBias: Float = 12_582_912
        let biasPattern: UInt32 = 0x4B40_0000
        var x = columns.lowerBound
        let end = columns.upperBound
        while x < end {
            let sample = Int(min(input[x], lastBin))
            let wl = leftWeights[x]
            let wr = rightWeights[x]
            let upper = upperLeft[sample] * wl + upperRight[sample] * wr
            let lower = lowerLeft[sample] * wl + lowerRight[sample] * wr
            let blend = upper * upperWeight + lower * lowerWeight
            let level = (blend + roundingBias).bitPattern &- biasPattern
            output[x] = UInt16(truncatingIfNeeded: level)
            x &+= 1
        }
    }
}
