/// A read-only view of a rectangle of an image's samples: `height` rows of `width` pixels, each of
/// `components` interleaved samples (1 for grey, 3 for RGB), rows `stride` samples apart.
///
/// Views are lent by ``GrayImage/withView(_:)``, ``ColorImage/withView(_:)`` and the other
/// `with...View` methods for the duration of a closure, and are valid only inside it: do not store one
/// or return it. Access is bounds-checked; kernels in this module read the samples directly.
public struct ImageView<Pixel> {
    /// Width in pixels, at least 1.
    public let width: Int
    /// Height in pixels (rows), at least 1.
    public let height: Int
    /// Interleaved samples per pixel, at least 1.
    public let components: Int
    /// Samples from the start of one row to the start of the next, at least `width * components`.
    public let stride: Int
    /// The first sample of row 0.
    package let base: UnsafePointer<Pixel>

    package init(base: UnsafePointer<Pixel>, width: Int, height: Int, stride: Int, components: Int = 1) {
        precondition(width > 0 && height > 0 && components > 0, "an image view needs a positive size")
        precondition(stride >= width * components, "a row stride is at least the row length")
        self.base = base
        self.width = width
        self.height = height
        self.stride = stride
        self.components = components
    }

    /// Samples per row: `width * components`.
    public var rowLength: Int { width * components }

    /// Sample `component` of the pixel at column `x`, row `y` (all zero-based).
    public subscript(x: Int, y: Int, component component: Int = 0) -> Pixel {
        base[ImageViewGeometry.index(x, y, component, width, height, components, stride)]
    }

    /// Row `y`: its `rowLength` samples, pixel by pixel.
    public func row(_ y: Int) -> ImageRow<Pixel> {
        precondition((0..<height).contains(y), "row \(y) is outside 0..<\(height)")
        return ImageRow(base: base + y * stride, count: rowLength)
    }

    /// The pixels of columns `x ..< x + width`, rows `y ..< y + height` of this view; the rectangle
    /// must lie inside it.
    public func cropped(x: Int, y: Int, width: Int, height: Int) -> ImageView {
        ImageViewGeometry.checkCrop(x, y, width, height, inside: self.width, self.height)
        return ImageView(
            base: base + y * stride + x * components, width: width, height: height, stride: stride,
            components: components)
    }

    /// True when the two views' memory ranges share a sample.
    package func overlaps<Other>(_ other: MutableImageView<Other>) -> Bool {
        ImageViewGeometry.overlaps(
            UnsafeRawPointer(base), MemoryLayout<Pixel>.stride * ((height - 1) * stride + rowLength),
            UnsafeRawPointer(other.base),
            MemoryLayout<Other>.stride * ((other.height - 1) * other.stride + other.rowLength))
    }
}

/// A writable view of a rectangle of an image's samples; see ``ImageView`` for the layout. Lent by
/// ``GrayImage/withMutableView(_:)`` and the methods that make a new image, for the duration of a
/// closure only.
public struct MutableImageView<Pixel> {
    /// Width in pixels, at least 1.
    public let width: Int
    /// Height in pixels (rows), at least 1.
    public let height: Int
    /// Interleaved samples per pixel, at least 1.
    public let components: Int
    /// Samples from the start of one row to the start of the next, at least `width * components`.
    public let stride: Int
    /// The first sample of row 0.
    package let base: UnsafeMutablePointer<Pixel>

    package init(base: UnsafeMutablePointer<Pixel>, width: Int, height: Int, stride: Int, components: Int = 1) {
        precondition(width > 0 && height > 0 && components > 0, "an image view needs a positive size")
        precondition(stride >= width * components, "a row stride is at least the row length")
        self.base = base
        self.width = width
        self.height = height
        self.stride = stride
        self.components = components
    }

    /// Samples per row: `width * components`.
    public var rowLength: Int { width * components }

    /// The same samples, read-only.
    public var readOnly: ImageView<Pixel> {
        ImageView(base: UnsafePointer(base), width: width, height: height, stride: stride, components: components)
    }

    /// Sample `component` of the pixel at column `x`, row `y` (all zero-based).
    public subscript(x: Int, y: Int, component component: Int = 0) -> Pixel {
        get { base[ImageViewGeometry.index(x, y, component, width, height, components, stride)] }
        nonmutating set { base[ImageViewGeometry.index(x, y, component, width, height, components, stride)] = newValue }
    }

    /// Row `y`: its `rowLength` samples, pixel by pixel.
    public func row(_ y: Int) -> ImageRow<Pixel> { readOnly.row(y) }

    /// Replaces row `y` with `samples`, which holds exactly `rowLength` samples.
    public func updateRow(_ y: Int, from samples: some Collection<Pixel>) {
        precondition((0..<height).contains(y), "row \(y) is outside 0..<\(height)")
        precondition(samples.count == rowLength, "a row holds \(rowLength) samples, not \(samples.count)")
        let row = base + y * stride
        for (offset, sample) in samples.enumerated() { row[offset] = sample }
    }

    /// Copies `source`, which has the same width, height and components, into this view.
    public func copy(from source: ImageView<Pixel>) {
        precondition(
            source.width == width && source.height == height && source.components == components,
            "copy needs views of the same size")
        for y in 0..<height {
            (base + y * stride).update(from: source.base + y * source.stride, count: rowLength)
        }
    }

    /// The pixels of columns `x ..< x + width`, rows `y ..< y + height` of this view; the rectangle
    /// must lie inside it.
    public func cropped(x: Int, y: Int, width: Int, height: Int) -> MutableImageView {
        ImageViewGeometry.checkCrop(x, y, width, height, inside: self.width, self.height)
        return MutableImageView(
            base: base + y * stride + x * components, width: width, height: height, stride: stride,
            components: components)
    }
}

/// The samples of one row of an ``ImageView`` or ``MutableImageView``, valid as long as the view is.
public struct ImageRow<Pixel>: RandomAccessCollection {
    let base: UnsafePointer<Pixel>
    public let count: Int

    init(base: UnsafePointer<Pixel>, count: Int) {
        self.base = base
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Pixel {
        precondition((0..<count).contains(position), "sample \(position) is outside the row")
        return base[position]
    }
}

/// Index arithmetic and checks shared by the two views.
enum ImageViewGeometry {
    @inline(__always)
    static func index(
        _ x: Int, _ y: Int, _ component: Int, _ width: Int, _ height: Int, _ components: Int, _ stride: Int
    ) -> Int {
        precondition(
            (0..<width).contains(x) && (0..<height).contains(y) && (0..<components).contains(component),
            "(\(x), \(y), \(component)) is outside the view")
        return y * stride + x * components + component
    }

    static func checkCrop(_ x: Int, _ y: Int, _ width: Int, _ height: Int, inside fullWidth: Int, _ fullHeight: Int) {
        precondition(width > 0 && height > 0, "a cropped view needs a positive size")
        precondition(
            x >= 0 && y >= 0 && x <= fullWidth - width && y <= fullHeight - height,
            "the rectangle \(width)x\(height) at (\(x), \(y)) is outside the \(fullWidth)x\(fullHeight) view")
    }

    static func overlaps(_ first: UnsafeRawPointer, _ firstBytes: Int, _ second: UnsafeRawPointer, _ secondBytes: Int)
        -> Bool
    {
        first < second + secondBytes && second < first + firstBytes
    }
}
