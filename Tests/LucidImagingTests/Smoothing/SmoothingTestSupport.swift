import Foundation
import LucidImaging

/// Sizes that exercise every border case: single pixels, single rows and columns, images narrower
/// than the kernel, and odd sizes that leave vector tails.
let smoothingTestSizes: [(width: Int, height: Int)] = [
    (1, 1), (1, 9), (9, 1), (3, 7), (7, 3), (33, 17), (17, 40), (257, 33),
]

/// The thread counts every kernel is checked with.
let smoothingThreadCounts = [1, 2, 3, 7]

/// Runs a pointer-level operation on `image` copied into a buffer whose rows are `sourcePadding`
/// samples wider than the image (the padding holds 0xFFFF, which must never be read), writing into a
/// destination whose rows are `destinationPadding` wider, and returns the result as an image.
func applyStrided(
    _ image: GrayImage<UInt16>, sourcePadding: Int = 5, destinationPadding: Int = 3,
    _ operation: (UnsafePointer<UInt16>, Int, UnsafeMutablePointer<UInt16>, Int) -> Void
) -> GrayImage<UInt16> {
    let sourceStride = image.width + sourcePadding
    let destinationStride = image.width + destinationPadding
    var source = [UInt16](repeating: 0xFFFF, count: sourceStride * image.height)
    for row in 0..<image.height {
        for column in 0..<image.width {
            source[row * sourceStride + column] = image[column, row]
        }
    }
    var destination = [UInt16](repeating: 0, count: destinationStride * image.height)
    source.withUnsafeBufferPointer { sourceBuffer in
        destination.withUnsafeMutableBufferPointer { destinationBuffer in
            guard let sourceBase = sourceBuffer.baseAddress, let destinationBase = destinationBuffer.baseAddress
            else { return }
            operation(sourceBase, sourceStride, destinationBase, destinationStride)
        }
    }
    var pixels: [UInt16] = []
    for row in 0..<image.height {
        pixels += destination[(row * destinationStride)..<(row * destinationStride + image.width)]
    }
    return GrayImage(width: image.width, height: image.height, pixels: pixels)
}

/// The committed OpenCV fixtures written by `Fixtures/make_smoothing_fixtures.py` (61 x 47, raw
/// little-endian `uint16`).
enum SmoothingFixtures {
    static let width = 61
    static let height = 47

    /// Reads `Fixtures/<name>`; nil when the file is missing or has the wrong size.
    static func image(_ name: String) -> GrayImage<UInt16>? {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let url = folder.appendingPathComponent("Fixtures").appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path), data.count == width * height * 2 else {
            return nil
        }
        let bytes = [UInt8](data)
        let pixels = (0..<(width * height)).map { index in
            UInt16(bytes[2 * index]) | UInt16(bytes[2 * index + 1]) << 8
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}

/// The largest absolute difference between two images of the same size.
func maximumDifference(_ a: GrayImage<UInt16>, _ b: GrayImage<UInt16>) -> Int {
    zip(a.pixels, b.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
}
