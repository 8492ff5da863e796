/// The samples one filter run reads and writes: a `width` x `height` grey source and a destination
/// of the same size, rows `sourceStride` and `destinationStride` samples apart (each at least
/// `width`), in buffers that do not overlap.
///
/// Made from checked views (``ImageFilter/checkedBuffers(_:_:)``), so the sizes are positive and the
/// strides valid. The pointers may cross into `@Sendable` strip closures: strips write disjoint
/// destination rows.
struct FilterBuffers: @unchecked Sendable {
    let source: UnsafePointer<UInt16>
    let sourceStride: Int
    let destination: UnsafeMutablePointer<UInt16>
    let destinationStride: Int
    /// Width in pixels, at least 1.
    let width: Int
    /// Height in pixels (rows), at least 1.
    let height: Int

    /// Source row `row`, in `0 ..< height`.
    @inline(__always)
    func sourceRow(_ row: Int) -> UnsafePointer<UInt16> { source + row * sourceStride }

    /// Destination row `row`, in `0 ..< height`.
    @inline(__always)
    func destinationRow(_ row: Int) -> UnsafeMutablePointer<UInt16> { destination + row * destinationStride }

    /// Calls `body` once per strip of output rows covering `0 ..< height`, on up to `threads` threads;
    /// strips hold at least `minimumRows` rows (see ``StripScheduler/forEachStrip(rows:threads:minimumRows:_:)``).
    func forEachStrip(threads: Int, minimumRows: Int = 16, _ body: @Sendable (Range<Int>) -> Void) {
        StripScheduler.forEachStrip(rows: height, threads: threads, minimumRows: minimumRows, body)
    }
}

extension ImageFilter {
    /// The buffers of `source` and `destination`, once `checkViews` has accepted them.
    func checkedBuffers(_ source: ImageView<UInt16>, _ destination: MutableImageView<UInt16>) -> FilterBuffers {
        checkViews(source, destination)
        return FilterBuffers(
            source: source.base, sourceStride: source.stride, destination: destination.base,
            destinationStride: destination.stride, width: source.width, height: source.height)
    }
}
