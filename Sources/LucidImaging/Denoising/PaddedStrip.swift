/// The source rows one strip of a denoising kernel reads: image rows
/// `rows.lowerBound - border ..< rows.upperBound + border`, each widened by `border` columns on both
/// sides, in one contiguous buffer. Samples outside the image are filled by OpenCV's
/// `BORDER_REFLECT_101` (its `BORDER_DEFAULT`: `... c b | a b c ... | b a ...`), so a kernel reads
/// every neighbour within `border` samples without a bounds test.
struct PaddedStrip {
    /// The strip's output rows, within `0 ..< height` of the image.
    let rows: Range<Int>
    /// Extra samples on every side, `>= 0`.
    let border: Int
    /// Samples from one padded row to the next: the image width plus `2 * border`.
    let stride: Int
    private let samples: [UInt16]

    /// Copies the neighbourhoods of output rows `rows` of `image.source`.
    init(_ image: FilterBuffers, rows: Range<Int>, border: Int) {
        let paddedWidth = image.width + 2 * border
        let paddedHeight = rows.count + 2 * border
        let columnSources = (0..<paddedWidth).map { ReflectBorder.index($0 - border, count: image.width) }
        self.rows = rows
        self.border = border
        self.stride = paddedWidth
        samples = [UInt16](unsafeUninitializedCapacity: paddedWidth * paddedHeight) { buffer, initialized in
            for row in 0..<paddedHeight {
                let from = image.sourceRow(ReflectBorder.index(rows.lowerBound - border + row, count: image.height))
                let rowStart = row * paddedWidth
                for column in 0..<paddedWidth {
                    buffer.initializeElement(at: rowStart + column, to: from[columnSources[column]])
                }
            }
            initialized = paddedWidth * paddedHeight
        }
    }

    /// Calls `body` with the copy of image row `rows.lowerBound`, column 0: image row `y`, column `x`
    /// lies at `origin + (y - rows.lowerBound) * stride + x` for `y` and `x` at most `border` outside
    /// the strip and the image's columns. The pointer is valid only inside `body`.
    func withOrigin<Result>(_ body: (_ origin: UnsafePointer<UInt16>) -> Result) -> Result {
        samples.withUnsafeBufferPointer { buffer in
            // The copy holds at least one row of at least one sample, so the base address exists.
            body(buffer.baseAddress.unsafelyUnwrapped + border * stride + border)
        }
    }
}
