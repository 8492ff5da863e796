/// The size and row layout of an image view: `height` rows of `width` pixels, each of `components`
/// interleaved samples, rows `stride` samples apart. Checked when made, so every view's sizes are
/// positive and its rows do not overlap.
public struct ImageViewGeometry: Sendable, Equatable {
    /// Width in pixels, at least 1.
    public let width: Int
    /// Height in pixels (rows), at least 1.
    public let height: Int
    /// Interleaved samples per pixel, at least 1.
    public let components: Int
    /// Samples from the start of one row to the start of the next, at least `width * components`.
    public let stride: Int

    /// Checks the layout: sizes positive, `stride >= width * components`.
    package init(width: Int, height: Int, stride: Int, components: Int = 1) {
        precondition(width > 0 && height > 0 && components > 0, "an image view needs a positive size")
        precondition(stride >= width * components, "a row stride is at least the row length")
        self.width = width
        self.height = height
        self.stride = stride
        self.components = components
    }

    /// Samples per row: `width * components`.
    public var rowLength: Int { width * components }

    /// The offset in samples of sample `component` of the pixel at column `x`, row `y`, which must
    /// lie inside the view.
    @inline(__always)
    func index(x: Int, y: Int, component: Int) -> Int {
        precondition(
            (0..<width).contains(x) && (0..<height).contains(y) && (0..<components).contains(component),
            "(\(x), \(y), \(component)) is outside the view")
        return y * stride + x * components + component
    }

    /// The offset in samples of row `y`, which must lie inside the view.
    func rowOffset(_ y: Int) -> Int {
        precondition((0..<height).contains(y), "row \(y) is outside 0..<\(height)")
        return y * stride
    }

    /// The offset in samples of pixel `(x, y)` and the layout of the `width` x `height` rectangle
    /// there, which must lie inside the view.
    func cropped(x: Int, y: Int, width: Int, height: Int) -> (offset: Int, geometry: ImageViewGeometry) {
        precondition(width > 0 && height > 0, "a cropped view needs a positive size")
        precondition(
            x >= 0 && y >= 0 && x <= self.width - width && y <= self.height - height,
            "the rectangle \(width)x\(height) at (\(x), \(y)) is outside the \(self.width)x\(self.height) view")
        return (
            y * stride + x * components,
            ImageViewGeometry(width: width, height: height, stride: stride, components: components)
        )
    }

    /// Bytes from the view's first sample to just past its last one, for samples of type `Pixel`.
    func byteSpan<Pixel>(of _: Pixel.Type) -> Int {
        MemoryLayout<Pixel>.stride * ((height - 1) * stride + rowLength)
    }
}

/// A view of samples in strided rows, ``ImageView`` or ``MutableImageView``: its layout and the
/// accessors of it.
public protocol StridedImageView {
    /// The size and row layout.
    var geometry: ImageViewGeometry { get }
}

extension StridedImageView {
    /// Width in pixels, at least 1.
    public var width: Int { geometry.width }
    /// Height in pixels (rows), at least 1.
    public var height: Int { geometry.height }
    /// Interleaved samples per pixel, at least 1.
    public var components: Int { geometry.components }
    /// Samples from the start of one row to the start of the next, at least `width * components`.
    public var stride: Int { geometry.stride }
    /// Samples per row: `width * components`.
    public var rowLength: Int { geometry.rowLength }
}
