/// A read-only view of a rectangle of an image's samples: `height` rows of `width` pixels, each of
/// `components` interleaved samples (1 for grey, 3 for RGB), rows `stride` samples apart.
///
/// Views are lent by ``GrayImage/withView(_:)``, ``ColorImage/withView(_:)`` and the other
/// `with...View` methods for the duration of a closure, and are valid only inside it: do not store one
/// or return it. Access is bounds-checked; kernels in this module read the samples directly.
public struct ImageView<Pixel>: StridedImageView {
    /// The size and row layout.
    public let geometry: ImageViewGeometry
    /// The first sample of row 0.
    package let base: UnsafePointer<Pixel>

    package init(base: UnsafePointer<Pixel>, geometry: ImageViewGeometry) {
        self.base = base
        self.geometry = geometry
    }

    /// Sample `component` of the pixel at column `x`, row `y` (all zero-based).
    public subscript(x: Int, y: Int, component component: Int = 0) -> Pixel {
        base[geometry.index(x: x, y: y, component: component)]
    }

    /// Row `y`: its `rowLength` samples, pixel by pixel.
    public func row(_ y: Int) -> ImageRow<Pixel> {
        ImageRow(base: base + geometry.rowOffset(y), count: rowLength)
    }

    /// The pixels of columns `x ..< x + width`, rows `y ..< y + height` of this view; the rectangle
    /// must lie inside it.
    public func cropped(x: Int, y: Int, width: Int, height: Int) -> ImageView {
        let crop = geometry.cropped(x: x, y: y, width: width, height: height)
        return ImageView(base: base + crop.offset, geometry: crop.geometry)
    }

    /// True when the two views' memory ranges share a sample.
    package func overlaps<Other>(_ other: MutableImageView<Other>) -> Bool {
        let first = UnsafeRawPointer(base), second = UnsafeRawPointer(other.base)
        return first < second + other.geometry.byteSpan(of: Other.self)
            && second < first + geometry.byteSpan(of: Pixel.self)
    }
}

/// A writable view of a rectangle of an image's samples; see ``ImageView`` for the layout. Lent by
/// ``GrayImage/withMutableView(_:)`` and the methods that make a new image, for the duration of a
/// closure only.
public struct MutableImageView<Pixel>: StridedImageView {
    /// The first sample of row 0.
    package let base: UnsafeMutablePointer<Pixel>
    /// The size and row layout.
    public let geometry: ImageViewGeometry

    package init(base: UnsafeMutablePointer<Pixel>, geometry: ImageViewGeometry) {
        self.geometry = geometry
        self.base = base
    }

    /// The same samples, read-only.
    public var readOnly: ImageView<Pixel> { ImageView(base: UnsafePointer(base), geometry: geometry) }

    /// Sample `component` of the pixel at column `x`, row `y` (all zero-based).
    public subscript(x: Int, y: Int, component component: Int = 0) -> Pixel {
        get { base[geometry.index(x: x, y: y, component: component)] }
        nonmutating set { base[geometry.index(x: x, y: y, component: component)] = newValue }
    }

    /// Row `y`: its `rowLength` samples, pixel by pixel.
    public func row(_ y: Int) -> ImageRow<Pixel> { readOnly.row(y) }

    /// Replaces row `y` with `samples`, which holds exactly `rowLength` samples.
    public func updateRow(_ y: Int, from samples: some Collection<Pixel>) {
        let row = base + geometry.rowOffset(y)
        precondition(samples.count == rowLength, "a row holds \(rowLength) samples, not \(samples.count)")
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
        let crop = geometry.cropped(x: x, y: y, width: width, height: height)
        return MutableImageView(base: base + crop.offset, geometry: crop.geometry)
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
