/// The tile layout of ``CLAHE`` for one image size, as OpenCV lays it out: equal tiles covering the
/// image, which is extended to the right and bottom by reflect-101 when its size is not a multiple of
/// the tile grid.
struct CLAHETileGrid: Sendable, Equatable {
    /// Image width and height in pixels, `>= 1`.
    let width: Int
    let height: Int
    /// Tile columns and rows, `>= 1`.
    let tilesX: Int
    let tilesY: Int
    /// Tile width and height in pixels, `>= 1`: `width / tilesX` and `height / tilesY` when both divide
    /// exactly, otherwise `width / tilesX + 1` and `height / tilesY + 1` (OpenCV pads both sides then).
    let tileWidth: Int
    let tileHeight: Int

    init(width: Int, height: Int, tilesX: Int, tilesY: Int) {
        precondition(width > 0 && height > 0 && tilesX > 0 && tilesY > 0)
        self.width = width
        self.height = height
        self.tilesX = tilesX
        self.tilesY = tilesY
        if width % tilesX == 0 && height % tilesY == 0 {
            tileWidth = width / tilesX
            tileHeight = height / tilesY
        } else {
            tileWidth = width / tilesX + 1
            tileHeight = height / tilesY + 1
        }
    }

    /// Pixels per tile (padding included), `>= 1`.
    var tileArea: Int { tileWidth * tileHeight }

    /// Width of the extended image the histograms read, `>= width`.
    var paddedWidth: Int { tileWidth * tilesX }

    /// Height of the extended image the histograms read, `>= height`.
    var paddedHeight: Int { tileHeight * tilesY }

    /// The pixel counted at padded position `position` along a side of `count` pixels: OpenCV's
    /// `borderInterpolate(position, count, BORDER_REFLECT_101)` (`... c b | a b c | b a ...`), reflected
    /// again as often as needed; a side of one pixel always gives 0.
    static func reflect101(_ position: Int, count: Int) -> Int {
        precondition(count > 0)
        if count == 1 { return 0 }
        var index = position
        while index < 0 || index >= count {
            index = index < 0 ? -index : 2 * count - 2 - index
        }
        return index
    }

    /// The per-bin clip count for `clipLimit` and `histogramSize` bins, as OpenCV computes it:
    /// `max(1, Int(clipLimit * tileArea / histogramSize))`, or 0 (no clipping) when `clipLimit` is 0.
    /// Limits at or above the tile area never clip, so they are capped there before the conversion.
    func clipCount(clipLimit: Double, histogramSize: Int) -> Int {
        guard clipLimit > 0 else { return 0 }
        let perBin = clipLimit * Double(tileArea) / Double(histogramSize)
        return max(1, Int(min(perBin, Double(tileArea))))
    }

    /// OpenCV's `lutScale`: `Float(histogramSize - 1) / Float(tileArea)`, mapping a cumulative count to
    /// an output sample.
    func lookupScale(histogramSize: Int) -> Float {
        Float(histogramSize - 1) / Float(tileArea)
    }
}
