import Foundation
import LucidImaging
import LucidTestSupport

/// Helpers shared by the denoising tests: border indexing, noisy phantoms, strided buffers and
/// the OpenCV fixtures.
enum DenoisingTestSupport {
    /// OpenCV's `BORDER_REFLECT_101` index, reflecting as often as needed.
    static func reflect101(_ index: Int, _ count: Int) -> Int {
        if count == 1 { return 0 }
        var position = index
        while position < 0 || position >= count {
            position = position < 0 ? -position : 2 * count - 2 - position
        }
        return position
    }

    /// The sample at `(x, y)` with `BORDER_REFLECT_101` outside the image.
    static func sample(_ image: GrayImage<UInt16>, _ x: Int, _ y: Int) -> Int {
        Int(image[reflect101(x, image.width), reflect101(y, image.height)])
    }

    /// A smooth 12-bit phantom: a gentle ramp (1 level per pixel) plus a bright disc.
    static func phantom(width: Int, height: Int) -> GrayImage<UInt16> {
        var pixels: [UInt16] = []
        for y in 0..<height {
            for x in 0..<width {
                let dx = Double(x - width / 2)
                let dy = Double(y - height / 2)
                let disc = dx * dx + dy * dy < Double(width * height) / 12 ? 1200.0 : 0
                pixels.append(UInt16(800 + x + y + Int(disc)))
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    /// `image` plus seeded Gaussian noise of standard deviation `sigma`, clamped to 12 bits.
    static func addingNoise(to image: GrayImage<UInt16>, sigma: Double, seed: UInt64) -> GrayImage<UInt16> {
        var generator = SeededGenerator(seed: seed)
        let pixels = image.pixels.map { value -> UInt16 in
            let u1 = Double.random(in: Double.ulpOfOne..<1, using: &generator)
            let u2 = Double.random(in: 0..<1, using: &generator)
            let gaussian = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return UInt16(min(max((Double(value) + sigma * gaussian).rounded(), 0), 4095))
        }
        return GrayImage(width: image.width, height: image.height, pixels: pixels)
    }

    /// Root mean square difference of two images of the same size.
    static func rootMeanSquareDifference(_ a: GrayImage<UInt16>, _ b: GrayImage<UInt16>) -> Double {
        let sum = zip(a.pixels, b.pixels).reduce(0.0) { total, pair in
            let difference = Double(pair.0) - Double(pair.1)
            return total + difference * difference
        }
        return (sum / Double(a.pixels.count)).squareRoot()
    }

    /// The largest absolute difference of two images of the same size.
    static func maximumDifference(_ a: GrayImage<UInt16>, _ b: GrayImage<UInt16>) -> Int {
        zip(a.pixels, b.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
    }

    /// Runs `filter` on a view of `image` placed inside a larger image (`sourcePadding` extra
    /// columns, one extra row above and below), writing into a cropped view of a destination
    /// `destinationPadding` columns and two rows larger (filled with a sentinel that must survive),
    /// and returns the output rows.
    static func applyStrided(
        _ image: GrayImage<UInt16>, sourcePadding: Int, destinationPadding: Int, threads: Int,
        _ filter: (ImageView<UInt16>, MutableImageView<UInt16>) -> Void
    ) -> (image: GrayImage<UInt16>, paddingIntact: Bool) {
        let sentinel: UInt16 = 0xBEEF
        let source = image.embedded(columns: sourcePadding, fill: 0xFFFF)
        var destination = GrayImage<UInt16>(
            width: image.width + destinationPadding, height: image.height + 2, repeating: sentinel)
        let (left, destinationLeft) = (sourcePadding / 2, destinationPadding / 2)
        source.withView { sourceView in
            destination.withMutableView { destinationView in
                filter(
                    sourceView.cropped(x: left, y: 1, width: image.width, height: image.height),
                    destinationView.cropped(x: destinationLeft, y: 1, width: image.width, height: image.height))
            }
        }
        let inside = destination.region(x: destinationLeft, y: 1, width: image.width, height: image.height)
        var paddingIntact = true
        for y in 0..<destination.height {
            for x in 0..<destination.width {
                let isInside =
                    (destinationLeft..<(destinationLeft + image.width)).contains(x) && (1...image.height).contains(y)
                if !isInside { paddingIntact = paddingIntact && destination[x, y] == sentinel }
            }
        }
        return (inside, paddingIntact)
    }

    struct FixtureMissing: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads a committed 37 x 29 raw little-endian 16-bit fixture made by
    /// `Fixtures/make_denoise_fixtures.py`.
    static func fixture(_ name: String) throws -> GrayImage<UInt16> {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
        let url = folder.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url), data.count == 37 * 29 * 2 else {
            throw FixtureMissing(description: "cannot read the 37 x 29 fixture \(url.path)")
        }
        let pixels = (0..<(37 * 29)).map { index in UInt16(data[2 * index]) | UInt16(data[2 * index + 1]) << 8 }
        return GrayImage(width: 37, height: 29, pixels: pixels)
    }
}
