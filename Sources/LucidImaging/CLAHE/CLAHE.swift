/// Contrast-limited adaptive histogram equalisation (CLAHE; K. Zuiderveld, "Contrast Limited Adaptive
/// Histogram Equalization", Graphics Gems IV, 1994) of 16-bit samples, with one histogram bin per
/// possible sample: `2^bitsStored` bins (4,096 for 12-bit data) instead of the 65,536 bins OpenCV uses
/// for every 16-bit image.
///
/// Every step follows OpenCV's `cv::createCLAHE(clipLimit, Size(tilesX, tilesY)).apply` (imgproc
/// `clahe.cpp`) with `histSize = 2^bitsStored`, so 8-bit data with `bitsStored: 8` gives OpenCV's 8-bit
/// output bit for bit:
///
/// 1. **Tiles.** When the width is a multiple of `tilesX` and the height a multiple of `tilesY`, the tiles
///    are `width / tilesX` by `height / tilesY` pixels. Otherwise *both* tile sides grow to
///    `width / tilesX + 1` and `height / tilesY + 1` (integer division) and the histograms read the image
///    extended to the right and bottom by reflect-101 (OpenCV's `BORDER_REFLECT_101`: `... c b | a b c | b a
///    ...`, repeated for images narrower than the extension; a 1-pixel side repeats its pixel). So images
///    smaller than the tile grid work: 3 columns with 8 tiles make 1-pixel tiles over 8 reflected columns.
/// 2. **Clip count.** `clipCount = max(1, Int(clipLimit * tileArea / 2^bitsStored))` pixels per bin, with
///    `Int` truncating toward zero; `clipLimit == 0` means no clipping (plain adaptive equalisation).
/// 3. **Redistribution.** Each bin above `clipCount` is cut to it; the `clipped` excess goes back evenly:
///    `clipped / 2^bitsStored` to every bin, then the `residual` (remainder) one pixel at a time to bins
///    `0, step, 2 step, ...` with `step = max(2^bitsStored / residual, 1)` until it is used up.
/// 4. **Tile lookup table.** `lut[v] = roundHalfEven(Float(cdf[v]) * lutScale)` with
///    `lutScale = Float(2^bitsStored - 1) / Float(tileArea)`, single precision as in OpenCV, where
///    `cdf[v]` is the redistributed count of bins `0 ... v`. So `lut[2^bitsStored - 1]` is the maximum
///    sample and a step `lut[v] - lut[v - 1]` is at most about `(clipCount + clipped / 2^bitsStored + 1) *
///    lutScale`: the clip limit bounds the local contrast gain.
/// 5. **Interpolation.** The tile lookup tables are tied to tile centres. For pixel `(x, y)`,
///    `tx = Float(x) * (1 / Float(tileWidth)) - 0.5` and `ty` likewise (single precision); the two
///    neighbouring tile columns `floor(tx)` and `floor(tx) + 1` (clamped to the grid) get weights
///    `1 - a` and `a` with `a = tx - floor(tx)`, rows likewise with `b`, and the output is
///    `roundHalfEven((L11 * (1 - a) + L12 * a) * (1 - b) + (L21 * (1 - a) + L22 * a) * b)` evaluated in
///    `Float` in exactly that order, `Lij` being the four tile tables at the pixel's sample. Pixels
///    nearer an image edge than half a tile use the edge tiles (the clamped pair holds one tile twice).
///
/// **Clip limit and OpenCV.** `clipLimit` has OpenCV's meaning: a multiple of the mean bin count
/// `tileArea / histSize`, with `histSize = 2^bitsStored` here. OpenCV's 16-bit CLAHE always uses
/// `histSize = 65,536`, so the same clip count per bin needs OpenCV's parameter `2^(16 - bitsStored)` times
/// larger: Lucid `clipLimit: c` clips like OpenCV `createCLAHE(c * 2^(16 - bitsStored))`
/// (``openCVSixteenBitClipLimit``; 12-bit: Lucid 2.0 = OpenCV 32.0), and conversely an OpenCV setting `C`
/// used on `b`-bit data carries over as `C / 2^(16 - b)`. Feeding OpenCV the samples as
/// `(v << (16 - b)) | (2^(16 - b) - 1)`, so that its bins `v << (16 - b) ...` group like Lucid's bin `v`,
/// its output times `(2^b - 1) / 65535` matches Lucid's to 1 grey level without clipping and on small
/// tiles (the committed 64x48 fixtures). With larger, strongly clipped tiles OpenCV differs more,
/// because of how it hands back the clipped excess: `redistBatch = clipped / 65,536` is usually 0, and
/// the integer residual step `max(65,536 / residual, 1)` places one count per bin from bin 0 upward
/// (with step 1 when 32,768 to 65,535 counts were clipped, so the excess piles into the dark part of
/// the range), where 2^bitsStored bins spread it evenly over the range as Zuiderveld intended. On a
/// 2048x2500 12-bit radiograph-like phantom at Lucid 2.0 / OpenCV 32.0 with 8x8 tiles the mean
/// difference is 92 of 4,095 levels (2.3 %), the largest 576. Given unshifted `b`-bit data, OpenCV
/// also sends 15/16 (12-bit) of the excess above the data range, which compresses its output.
///
/// **Range.** Samples above `2^bitsStored - 1` (which a correct decoder never produces) are treated as
/// `2^bitsStored - 1`. Outputs lie in `0 ... 2^bitsStored - 1`. A constant image maps to a constant
/// image (every tile has the same table), at the level the clipped table gives its sample.
public struct CLAHE: ImageFilter, Equatable {
    /// Contrast limit as a multiple of the mean bin count `tileArea / 2^bitsStored`; 0 disables clipping.
    /// Finite and `>= 0`; default 2.0 (a moderate limit; OpenCV's `createCLAHE` default is 40).
    public let clipLimit: Double
    /// Tile columns, `1 ... 64`; default 8.
    public let tilesX: Int
    /// Tile rows, `1 ... 64`; default 8.
    public let tilesY: Int
    /// Significant bits per sample, `1 ... 16`; there are `2^bitsStored` histogram bins.
    public let bitsStored: Int

    /// Validates the parameters.
    /// - Throws: ``ImageOperationError/invalidParameter(operation:name:value:rule:)`` when `clipLimit` is
    ///   negative or not finite, a tile count is outside `1 ... 64`, or `bitsStored` is outside `1 ... 16`.
    public init(clipLimit: Double = 2.0, tilesX: Int = 8, tilesY: Int = 8, bitsStored: Int)
        throws(ImageOperationError)
    {
        guard clipLimit.isFinite, clipLimit >= 0 else {
            throw Self.invalid("clipLimit", "\(clipLimit)", "must be finite and >= 0 (0 disables clipping)")
        }
        guard (1...64).contains(tilesX) else { throw Self.invalid("tilesX", "\(tilesX)", "must be in 1 ... 64") }
        guard (1...64).contains(tilesY) else { throw Self.invalid("tilesY", "\(tilesY)", "must be in 1 ... 64") }
        try ImageOperationError.checkBitsStored(bitsStored, operation: "CLAHE", rule: "must be in 1 ... 16")
        self.clipLimit = clipLimit
        self.tilesX = tilesX
        self.tilesY = tilesY
        self.bitsStored = bitsStored
    }

    /// OpenCV's `clipLimit` for 16-bit input (65,536 bins) that clips at the same count per bin as this
    /// operation: `clipLimit * 2^(16 - bitsStored)`. Divide an OpenCV setting by the same factor to carry
    /// it over.
    public var openCVSixteenBitClipLimit: Double { clipLimit * Double(1 << (16 - bitsStored)) }

    /// The number of histogram bins, `2^bitsStored`.
    var histogramSize: Int { 1 << bitsStored }

    public var name: String { "clahe" }

    /// `clip` (the clip limit) and `tiles` (`COLUMNSxROWS`, e.g. `8x8`).
    public var parameters: [OperationParameter] {
        [OperationParameter("clip", clipLimit), OperationParameter("tiles", "\(tilesX)x\(tilesY)")]
    }

    /// Equalises `source` tile by tile into `destination` (same size, not overlapping); see the type's
    /// documentation for the exact rules. Output samples lie in `0 ... 2^bitsStored - 1`.
    /// - Parameter threads: threads for the tile histograms and for the interpolation, `>= 1`; the result
    ///   is the same for every thread count.
    public func apply(
        _ source: ImageView<UInt16>, into destination: MutableImageView<UInt16>,
        threads: Int = StripScheduler.availableThreads
    ) {
        let image = checkedBuffers(source, destination)
        let grid = CLAHETileGrid(width: image.width, height: image.height, tilesX: tilesX, tilesY: tilesY)
        let tables = CLAHETileTables(
            source: image.source, sourceStride: image.sourceStride, grid: grid, bitsStored: bitsStored,
            clipLimit: clipLimit, threads: threads)
        tables.interpolate(image, threads: threads)
    }

    private static func invalid(_ name: String, _ value: String, _ rule: String) -> ImageOperationError {
        .invalidParameter(operation: "CLAHE", name: name, value: value, rule: rule)
    }
}
