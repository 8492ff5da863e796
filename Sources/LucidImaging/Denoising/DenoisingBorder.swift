/// Border handling shared by the denoising filters: OpenCV's `BORDER_REFLECT_101` (its
/// `BORDER_DEFAULT`), which mirrors about the edge sample without repeating it
/// (`... c b | a b c ... | b a ...`).
enum DenoisingBorder {
    /// The in-image index that `BORDER_REFLECT_101` reads for `index` on an axis of `count`
    /// samples (`count >= 1`). Reflects as often as needed, so any `index` maps into `0..<count`;
    /// an axis of one sample always maps to 0.
    static func reflect101(_ index: Int, count: Int) -> Int {
        guard count > 1 else { return 0 }
        var position = index
        while position < 0 || position >= count {
            position = position < 0 ? -position : 2 * count - 2 - position
        }
        return position
    }

    /// Copies image rows `rows.lowerBound - border ..< rows.upperBound + border`, each widened by
    /// `border` columns on both sides, into a new contiguous buffer; samples outside the image are
    /// filled by `BORDER_REFLECT_101`. Row `k` of the result (width `width + 2 * border`) holds
    /// image row `rows.lowerBound - border + k`, and its column `border + x` holds image column `x`.
    ///
    /// - Parameters:
    ///   - source: the first sample of image row 0; row `y` starts at `source + y * stride`.
    ///   - stride: samples from one image row to the next, at least `width`.
    ///   - rows: the rows whose neighbourhoods are needed, within `0..<height`.
    static func paddedRows(
        source: UnsafePointer<UInt16>, stride: Int, width: Int, height: Int, rows: Range<Int>, border: Int
    ) -> [UInt16] {
        let paddedWidth = width + 2 * border
        let paddedHeight = rows.count + 2 * border
        let columnSources = (0..<paddedWidth).map { reflect101($0 - border, count: width) }
        return [UInt16](unsafeUninitializedCapacity: paddedWidth * paddedHeight) { buffer, initialized in
            for row in 0..<paddedHeight {
                let imageRow = reflect101(rows.lowerBound - border + row, count: height)
                let from = source + imageRow * stride
                let rowStart = row * paddedWidth
                for column in 0..<paddedWidth {
                    buffer.initializeElement(at: rowStart + column, to: from[columnSources[column]])
                }
            }
            initialized = paddedWidth * paddedHeight
        }
    }
}
