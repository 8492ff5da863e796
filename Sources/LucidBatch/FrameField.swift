import LucidImaging

/// The part of a frame inside its uniform edge bands: the rows and columns along the edges whose
/// every pixel holds one stored value (each edge's band one value), taken for a shutter or mask
/// burned into the pixels: the unexposed part of a plate blackened by the reader (the largest
/// stored value in MONOCHROME1), a frame padded to a larger matrix without Pixel Padding Value.
/// Such a band is out of the field, as padding is (PS3.3 C.7.5.1.1.2, C.7.6.11).
///
/// A frame that is uniform, or nothing but bands, has no such inside: its field is the whole frame.
struct FrameField: Equatable {
    let rows: Range<Int>
    let columns: Range<Int>

    /// Finds the bands, reading pixels only until each edge meets a line that is not uniform.
    init(_ image: GrayImage<UInt16>) {
        let whole = (rows: 0..<image.height, columns: 0..<image.width)
        let rows = Self.inside(0..<image.height) { y in Self.uniform(image, rows: y..<y + 1, columns: whole.columns) }
        guard !rows.isEmpty else {
            (self.rows, columns) = whole
            return
        }
        let columns = Self.inside(0..<image.width) { x in Self.uniform(image, rows: rows, columns: x..<x + 1) }
        guard !columns.isEmpty else {
            (self.rows, self.columns) = whole
            return
        }
        (self.rows, self.columns) = (rows, columns)
    }

    /// The pixels inside.
    var count: Int { rows.count * columns.count }

    /// `lines` without the band at each end: the leading lines that hold the first line's value,
    /// then the trailing ones that hold the last line's; empty when the bands cover every line.
    private static func inside(_ lines: Range<Int>, value: (Int) -> UInt16?) -> Range<Int> {
        var lower = lines.lowerBound, upper = lines.upperBound
        if let first = value(lower) {
            while lower < upper, value(lower) == first { lower += 1 }
        }
        if lower < upper, let last = value(upper - 1) {
            while upper > lower, value(upper - 1) == last { upper -= 1 }
        }
        return lower..<upper
    }

    /// The value every pixel of the block holds, or nil when they differ.
    private static func uniform(_ image: GrayImage<UInt16>, rows: Range<Int>, columns: Range<Int>) -> UInt16? {
        let first = image[columns.lowerBound, rows.lowerBound]
        for y in rows {
            for x in columns where image[x, y] != first { return nil }
        }
        return first
    }
}

extension FrameField {
    /// The pixels inside the field at `value` that are joined to the field's edge through pixels at
    /// `value` (4-neighbours): a region that runs to the edge (the direct beam around a patient,
    /// a collimated margin) rather than one enclosed by the image. Reads only pixels at `value`
    /// and their neighbours.
    func edgeConnectedCount(_ image: GrayImage<UInt16>, value: UInt16) -> Int {
        let width = columns.count, height = rows.count
        guard width > 0, height > 0 else { return 0 }
        var reached = [Bool](repeating: false, count: width * height)
        var pending: [Int] = []
        func visit(_ x: Int, _ y: Int) {
            let index = y * width + x
            guard !reached[index], image[columns.lowerBound + x, rows.lowerBound + y] == value else { return }
            reached[index] = true
            pending.append(index)
        }
        for x in 0..<width {
            visit(x, 0)
            visit(x, height - 1)
        }
        for y in 0..<height {
            visit(0, y)
            visit(width - 1, y)
        }
        var connected = 0
        while let index = pending.popLast() {
            connected += 1
            let x = index % width, y = index / width
            if x > 0 { visit(x - 1, y) }
            if x + 1 < width { visit(x + 1, y) }
            if y > 0 { visit(x, y - 1) }
            if y + 1 < height { visit(x, y + 1) }
        }
        return connected
    }
}
