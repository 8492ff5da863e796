/// The clipped-histogram lookup tables of every ``CLAHE`` tile of one image: tile `(tx, ty)` maps
/// sample `v` to `tables[(ty * tilesX + tx) * histogramSize + v]`, a whole number in
/// `0 ... histogramSize - 1` stored as `Float` because the interpolation multiplies it by Float weights
/// (this saves a conversion per table read, about a fifth of the interpolation's time).
struct CLAHETileTables: Sendable {
    let grid: CLAHETileGrid
    /// Bins per histogram and entries per table, `2^bitsStored`.
    let histogramSize: Int
    /// Pixels per bin above which a histogram is clipped; 0 means no clipping.
    let clipCount: Int
    /// All tables, tile after tile in row-major tile order.
    let tables: [Float]

    /// Counts, clips and accumulates the histogram of every tile of the image at `source` (rows
    /// `sourceStride` samples apart), on up to `threads` threads (tiles are independent, so the tables
    /// do not depend on the thread count).
    init(
        source: UnsafePointer<UInt16>, sourceStride: Int, grid: CLAHETileGrid, bitsStored: Int,
        clipLimit: Double, threads: Int
    ) {
        // Bins count at most a tile's pixels, held in UInt32.
        precondition(grid.tileArea < Int(UInt32.max), "CLAHE tiles must hold fewer than 2^32 pixels")
        let histogramSize = 1 << bitsStored
        let clipCount = grid.clipCount(clipLimit: clipLimit, histogramSize: histogramSize)
        let scale = grid.lookupScale(histogramSize: histogramSize)
        let tileCount = grid.tilesX * grid.tilesY
        let columnMap = Self.paddedIndices(count: grid.width, paddedCount: grid.paddedWidth)
        let rowMap = Self.paddedIndices(count: grid.height, paddedCount: grid.paddedHeight)
        let sharedSource = SendableConstPointer(source)
        self.grid = grid
        self.histogramSize = histogramSize
        self.clipCount = clipCount
        tables = [Float](unsafeUninitializedCapacity: tileCount * histogramSize) { buffer, initializedCount in
            guard let base = buffer.baseAddress else { return }
            let sharedTables = SendablePointer(base)
            StripScheduler.forEachStrip(rows: tileCount, threads: threads, minimumRows: 1) { tiles in
                var histogram = [UInt32](repeating: 0, count: histogramSize)
                histogram.withUnsafeMutableBufferPointer { counts in
                    for tile in tiles {
                        CLAHETileHistogram.count(
                            tileX: tile % grid.tilesX, tileY: tile / grid.tilesX, grid: grid,
                            source: sharedSource.base, sourceStride: sourceStride, columnMap: columnMap,
                            rowMap: rowMap, into: counts)
                        let table = UnsafeMutableBufferPointer(
                            start: sharedTables.base + tile * histogramSize, count: histogramSize)
                        CLAHETileHistogram.makeTable(counts, clipCount: clipCount, scale: scale, into: table)
                    }
                }
            }
            initializedCount = tileCount * histogramSize
        }
    }

    /// For every position of a padded side, the image index it reads: itself inside the image, its
    /// reflect-101 mirror beyond it.
    private static func paddedIndices(count: Int, paddedCount: Int) -> [Int] {
        (0..<paddedCount).map { CLAHETileGrid.reflect101($0, count: count) }
    }
}
