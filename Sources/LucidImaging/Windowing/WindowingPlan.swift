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
        switch self {
        case .ramp(let ramp):
            return Self.renderStrips(image, threads: threads) { input, inputStride, output, outputStride, width, rows in
                WindowingKernels.rampRows(
                    source: input, sourceStride: inputStride, destination: output, destinationStride: outputStride,
                    width: width, rows: rows, ramp: ramp)
            }
        case .table(let levels):
            return Self.renderGather(image, levels: levels, threads: threads)
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
        precondition(levels.count == 1 << 16, "a gather table has one level per UInt16")
        return levels.withUnsafeBufferPointer { buffer in
            // The array outlives the render, which returns before this closure does.
            let table = SendableConstPointer(buffer.baseAddress.unsafelyUnwrapped)
            return renderStrips(image, threads: threads) { input, inputStride, output, outputStride, width, rows in
                WindowingKernels.gatherRows(
                    source: input, sourceStride: inputStride, destination: output, destinationStride: outputStride,
                    width: width, rows: rows, table: table.base)
            }
        }
    }

    /// Allocates the output image and calls `kernel` on strips of rows over up to `threads` threads.
    /// The kernel receives the source base and stride, the destination base and stride, the width and
    /// its rows; it must write every pixel of those rows (the output is not zero-filled first).
    static func renderStrips<Level: FixedWidthInteger & UnsignedInteger & Sendable>(
        _ image: GrayImage<UInt16>, threads: Int,
        kernel:
            @escaping @Sendable (UnsafePointer<UInt16>, Int, UnsafeMutablePointer<Level>, Int, Int, Range<Int>) -> Void
    ) -> GrayImage<Level> {
        let width = image.width
        let height = image.height
        let count = image.pixels.count
        let output = [Level](unsafeUninitializedCapacity: count) { destination, initializedCount in
            image.pixels.withUnsafeBufferPointer { source in
                // Both buffers hold `count = width * height > 0` elements, so the bases exist.
                let input = SendableConstPointer(source.baseAddress.unsafelyUnwrapped)
                let result = SendablePointer(destination.baseAddress.unsafelyUnwrapped)
                StripScheduler.forEachStrip(rows: height, threads: max(1, threads), minimumRows: 8) { rows in
                    kernel(input.base, width, result.base, width, width, rows)
                }
            }
            initializedCount = count
        }
        return GrayImage(width: width, height: height, pixels: output)
    }
}
