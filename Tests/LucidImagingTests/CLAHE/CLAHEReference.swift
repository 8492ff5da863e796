import LucidImaging

/// A plain, per-pixel CLAHE that follows OpenCV's `clahe.cpp` (`CLAHE_Impl::apply`,
/// `CLAHE_CalcLut_Body`, `CLAHE_Interpolation_Body`) line by line with `histSize = 2^bitsStored`,
/// sharing no code with the library's kernels. Slow and obviously correct.
enum CLAHEReference {
    /// OpenCV's `borderInterpolate(position, count, BORDER_REFLECT_101)`.
    static func reflect101(_ position: Int, count: Int) -> Int {
        if count == 1 { return 0 }
        var p = position
        repeat {
            if p < 0 {
                p = -p - 1 + 1
            } else if p >= count {
                p = count - 1 - (p - count) - 1
            }
        } while p < 0 || p >= count
        return p
    }

    /// Tile width and height as OpenCV chooses them (both grow by one when either side is not a multiple).
    static func tileSize(width: Int, height: Int, tilesX: Int, tilesY: Int) -> (width: Int, height: Int) {
        if width % tilesX == 0 && height % tilesY == 0 { return (width / tilesX, height / tilesY) }
        return (width / tilesX + 1, height / tilesY + 1)
    }

    /// The lookup table of every tile, in row-major tile order.
    static func tileTables(
        _ image: GrayImage<UInt16>, clipLimit: Double, tilesX: Int, tilesY: Int, bitsStored: Int
    ) -> [[Int]] {
        let histSize = 1 << bitsStored
        let tile = tileSize(width: image.width, height: image.height, tilesX: tilesX, tilesY: tilesY)
        let area = tile.width * tile.height
        let lutScale = Float(histSize - 1) / Float(area)
        var clip = 0
        if clipLimit > 0 { clip = max(1, Int(min(clipLimit * Double(area) / Double(histSize), Double(area)))) }
        var tables: [[Int]] = []
        for ty in 0..<tilesY {
            for tx in 0..<tilesX {
                var hist = [Int](repeating: 0, count: histSize)
                for py in (ty * tile.height)..<((ty + 1) * tile.height) {
                    for px in (tx * tile.width)..<((tx + 1) * tile.width) {
                        let x = reflect101(px, count: image.width)
                        let y = reflect101(py, count: image.height)
                        hist[min(Int(image[x, y]), histSize - 1)] += 1
                    }
                }
                if clip > 0 {
                    var clipped = 0
                    for i in 0..<histSize where hist[i] > clip {
                        clipped += hist[i] - clip
                        hist[i] = clip
                    }
                    let redistBatch = clipped / histSize
                    var residual = clipped - redistBatch * histSize
                    for i in 0..<histSize { hist[i] += redistBatch }
                    if residual != 0 {
                        let residualStep = max(histSize / residual, 1)
                        var i = 0
                        while i < histSize && residual > 0 {
                            hist[i] += 1
                            i += residualStep
                            residual -= 1
                        }
                    }
                }
                var lut = [Int](repeating: 0, count: histSize)
                var sum = 0
                for i in 0..<histSize {
                    sum += hist[i]
                    lut[i] = min(Int((Float(sum) * lutScale).rounded(.toNearestOrEven)), histSize - 1)
                }
                tables.append(lut)
            }
        }
        return tables
    }

    /// The equalised image.
    static func apply(
        _ image: GrayImage<UInt16>, clipLimit: Double, tilesX: Int, tilesY: Int, bitsStored: Int
    ) -> GrayImage<UInt16> {
        let histSize = 1 << bitsStored
        let tables = tileTables(
            image, clipLimit: clipLimit, tilesX: tilesX, tilesY: tilesY, bitsStored: bitsStored)
        let tile = tileSize(width: image.width, height: image.height, tilesX: tilesX, tilesY: tilesY)
        let invTileWidth: Float = 1 / Float(tile.width)
        let invTileHeight: Float = 1 / Float(tile.height)
        var output = image
        for y in 0..<image.height {
            let tyf = Float(y) * invTileHeight - 0.5
            var ty1 = Int(tyf.rounded(.down))
            var ty2 = ty1 + 1
            let ya = tyf - Float(ty1)
            let ya1 = 1 - ya
            ty1 = max(ty1, 0)
            ty2 = min(ty2, tilesY - 1)
            for x in 0..<image.width {
                let txf = Float(x) * invTileWidth - 0.5
                var tx1 = Int(txf.rounded(.down))
                var tx2 = tx1 + 1
                let xa = txf - Float(tx1)
                let xa1 = 1 - xa
                tx1 = max(tx1, 0)
                tx2 = min(tx2, tilesX - 1)
                let v = min(Int(image[x, y]), histSize - 1)
                let l11 = Float(tables[ty1 * tilesX + tx1][v])
                let l12 = Float(tables[ty1 * tilesX + tx2][v])
                let l21 = Float(tables[ty2 * tilesX + tx1][v])
                let l22 = Float(tables[ty2 * tilesX + tx2][v])
                let res = (l11 * xa1 + l12 * xa) * ya1 + (l21 * xa1 + l22 * xa) * ya
                output[x, y] = UInt16(min(Int(res.rounded(.toNearestOrEven)), histSize - 1))
            }
        }
        return output
    }
}
