import Foundation
import LucidImaging

/// Sizes that exercise every border case: single pixels, single rows and columns, images narrower
/// than the kernel, and odd sizes that leave vector tails.
let smoothingTestSizes: [(width: Int, height: Int)] = [
    (1, 1), (1, 9), (9, 1), (3, 7), (7, 3), (33, 17), (17, 40), (257, 33),
]

/// The thread counts every kernel is checked with.
let smoothingThreadCounts = [1, 2, 3, 7]

/// Runs a view-level operation on `image` placed inside a larger image (`sourcePadding` extra
/// columns split around it and one extra row above and below, all holding 0xFFFF, which must never
/// be read), writing into a cropped view of a destination `destinationPadding` columns and two rows
/// larger, and returns the result as an image.
func applyStrided(
    _ image: GrayImage<UInt16>, sourcePadding: Int = 5, destinationPadding: Int = 3,
    _ operation: (ImageView<UInt16>, MutableImageView<UInt16>) -> Void
) -> GrayImage<UInt16> {
    let source = image.embedded(columns: sourcePadding, fill: 0xFFFF)
    var destination = GrayImage<UInt16>(
        width: image.width + destinationPadding, height: image.height + 2, repeating: 0)
    let (left, destinationLeft) = (sourcePadding / 2, destinationPadding / 2)
    source.withView { sourceView in
        destination.withMutableView { destinationView in
            operation(
                sourceView.cropped(x: left, y: 1, width: image.width, height: image.height),
                destinationView.cropped(x: destinationLeft, y: 1, width: image.width, height: image.height))
        }
    }
    return destination.region(x: destinationLeft, y: 1, width: image.width, height: image.height)
}

extension GrayImage where Pixel == UInt16 {
    /// This image inside a larger one: `columns` extra columns (half on the left), one extra row
    /// above and below, the margin filled with `fill`.
    func embedded(columns: Int, fill: UInt16) -> GrayImage<UInt16> {
        var result = GrayImage(width: width + columns, height: height + 2, repeating: fill)
        for y in 0..<height {
            for x in 0..<width { result[x + columns / 2, y + 1] = self[x, y] }
        }
        return result
    }

    /// The samples of a rectangle of this image, as an image.
    func region(x: Int, y: Int, width: Int, height: Int) -> GrayImage<UInt16> {
        GrayImage(
            width: width, height: height,
            pixels: (0..<height).flatMap { row in (0..<width).map { column in self[x + column, y + row] } })
    }
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
