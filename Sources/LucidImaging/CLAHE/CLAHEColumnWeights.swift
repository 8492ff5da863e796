/// The horizontal half of ``CLAHE``'s bilinear interpolation, computed once per image: for every
/// column its weights for the left and right neighbouring tile, and the runs of columns that share the
/// same pair of tiles.
struct CLAHEColumnWeights: Sendable {
    /// A run of consecutive columns `columns` that interpolate between tile columns `leftTile` and
    /// `rightTile` (equal at the image edges, where the pair is clamped to the grid).
    struct Run: Sendable, Equatable {
        let columns: Range<Int>
        let leftTile: Int
        let rightTile: Int
    }

    /// Weight of the left tile per column: `1 - right[x]`, in `(0, 1]`.
    let left: [Float]
    /// Weight of the right tile per column: `tx - floor(tx)`, in `[0, 1)`.
    let right: [Float]
    /// The runs, in column order, covering `0 ..< width`.
    let runs: [Run]

    /// The weights for `width` columns with tiles `tileWidth` wide in a grid of `tiles` columns, by
    /// OpenCV's single-precision rule `tx = Float(x) * (1 / Float(tileWidth)) - 0.5`.
    init(width: Int, tileWidth: Int, tiles: Int) {
        var left = [Float](repeating: 0, count: width)
        var right = [Float](repeating: 0, count: width)
        var runs: [Run] = []
        var runStart = 0
        var runTile = Int.min
        for x in 0..<width {
            let (tile, weight) = Self.position(x, tileSize: tileWidth)
            right[x] = weight
            left[x] = 1 - weight
            if tile != runTile {
                if x > runStart { runs.append(Self.run(runStart..<x, tile: runTile, tiles: tiles)) }
                runStart = x
                runTile = tile
            }
        }
        runs.append(Self.run(runStart..<width, tile: runTile, tiles: tiles))
        self.left = left
        self.right = right
        self.runs = runs
    }

    /// The unclamped tile index `floor(t)` before position `index` and the weight `t - floor(t)` of the
    /// next tile, where `t = Float(index) * (1 / Float(tileSize)) - 0.5`: OpenCV's rule, also used for rows.
    static func position(_ index: Int, tileSize: Int) -> (tile: Int, weight: Float) {
        let inverse = 1 / Float(tileSize)
        let t = Float(index) * inverse - 0.5
        let floorT = t.rounded(.down)
        return (Int(floorT), t - floorT)
    }

    /// The run for unclamped tile index `tile`, with both neighbours clamped to `0 ..< tiles`.
    private static func run(_ columns: Range<Int>, tile: Int, tiles: Int) -> Run {
        Run(columns: columns, leftTile: max(tile, 0), rightTile: min(tile + 1, tiles - 1))
    }
}
