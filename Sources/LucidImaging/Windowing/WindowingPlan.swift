/// How ``Windowing`` applies an 8-bit display table to an image: an exact fixed-point ramp when one
/// exists, else a lookup per pixel. Also the strip driver shared by every windowing kernel.
enum WindowingPlan: Sendable, Equatable {
    /// The table reproduced exactly by integer arithmetic.
    case ramp(FixedPointRamp)
    /// The table padded to 65,536 levels (one per possible `UInt16`).
    case table([UInt8])

    /// Images smaller than this many pixels per table entry are looked up directly: searching for
    /// a ramp costs about as much as looking up a few pixels per entry.
    static let pixelsPerEntryForRamp = 4

    /// The plan for `table`; `pixelCount` (the image's) decides whether a ramp is worth looking for.
    init(table: DisplayLookupTable<UInt8>, pixelCount: Int) {
        if pixelCount >= table.levels.count * Self.pixelsPerEntryForRamp,
            let ramp = FixedPointRamp(levels: table.levels)
        {
            self = .ramp(ramp)
        } else {
            self = .table(Self.paddedLevels(table.levels))
        }
    }

    /// Renders `image` with this plan on up to `threads` threads.
    func render(_ image: GrayImage<UInt16>, threads: Int) -> GrayImage<UInt8> {
        image.filtered(to: UInt8.self) { source, destination in render(source, into: destination, threads: threads) }
    }

    /// Renders `source` into `destination` (same size) with this plan on up to `threads` threads.
    func render(_ source: ImageView<UInt16>, into destination: MutableImageView<UInt8>, threads: Int) {
        switch self {
        case .ramp(let ramp):
            Self.renderStrips(source, into: destination, threads: threads) {
                input, inputStride, output, outputStride, width, rows in
                WindowingKernels.rampRows(
                    source: input, sourceStride: inputStride, destination: output, destinationStride: outputStride,
                    width: width, rows: rows, ramp: ramp)
            }
        case .table(let levels):
            Self.renderGather(source, into: destination, levels: levels, threads: threads)
        }
    }

    /// `levels` extended to 65,536 entries with its last level, so that any `UInt16` indexes it.
    static func paddedLevels<Level: FixedWidthInteger>(_ levels: [Level]) -> [Level] {
        let full = 1 << 16
        guard levels.count < full, let last = levels.last else { return Array(levels.prefix(full)) }
        return levels + [Level](repeating: last, count: full - levels.count)
    }

    /// Looks every pixel of `image` up in `levels` (65,536 entries) on up to `threads` threads.
    static func renderGather<Level: FixedWidthInteger & UnsignedInteger & Sendable>(
        _ image: GrayImage<UInt16>, levels: [Level], threads: Int
    ) -> GrayImage<Level> {
        image.filtered(to: Level.self) { source, destination in
            renderGather(source, into: destination, levels: levels, threads: threads)
        }
    }

    /// Looks every pixel of `source` up in `levels` (65,536 entries) into `destination` (same size)
    /// on up to `threads` threads.
    static func renderGather<Level: FixedWidthInteger & UnsignedInteger & Sendable>(
        _ source: ImageView<UInt16>, into destination: MutableImageView<Level>, levels: [Level], threads: Int
    ) {
        precondition(levels.count == 1 << 16, "a gather table has one level per UInt16")
        levels.withUnsafeBufferPointer { buffer in
            // The array outlives the render, which returns before this closure does.
            let table = SendableConstPointer(buffer.baseAddress.unsafelyUnwrapped)
            renderStrips(source, into: destination, threads: threads) {
                input, inputStride, output, outputStride, width, rows in
                WindowingKernels.gatherRows(
                    source: input, sourceStride: inputStride, destination: output, destinationStride: outputStride,
                    width: width, rows: rows, table: table.base)
            }
        }
    }

    /// Calls `kernel` on strips of rows of `source` and `destination` (same size, one sample per
    /// pixel) over up to `threads` threads. The kernel receives the source base and stride, the
    /// destination base and stride, the width and its rows; it must write every pixel of those rows.
    static func renderStrips<Level: FixedWidthInteger & UnsignedInteger & Sendable>(
        _ source: ImageView<UInt16>, into destination: MutableImageView<Level>, threads: Int,
        kernel:
            @escaping @Sendable (UnsafePointer<UInt16>, Int, UnsafeMutablePointer<Level>, Int, Int, Range<Int>) -> Void
    ) {
        precondition(source.components == 1 && destination.components == 1, "windowing maps grey images")
        precondition(source.width == destination.width && source.height == destination.height, "sizes differ")
        precondition(!source.overlaps(destination), "source and destination overlap")
        let input = SendableConstPointer(source.base)
        let result = SendablePointer(destination.base)
        let (width, inputStride, outputStride) = (source.width, source.stride, destination.stride)
        StripScheduler.forEachStrip(rows: source.height, threads: max(1, threads), minimumRows: 8) { rows in
            kernel(input.base, inputStride, result.base, outputStride, width, rows)
        }
    }
}
