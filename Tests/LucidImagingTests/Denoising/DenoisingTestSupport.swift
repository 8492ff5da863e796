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

    /// Runs `filter` on `image` copied into a buffer with `sourcePadding` extra samples per row,
    /// writing into a buffer with `destinationPadding` extra samples per row (filled with a
    /// sentinel that must survive), and returns the output rows.
    static func applyStrided(
        _ image: GrayImage<UInt16>, sourcePadding: Int, destinationPadding: Int, threads: Int,
        _ filter: (UnsafePointer<UInt16>, Int, UnsafeMutablePointer<UInt16>, Int) -> Void
    ) -> (image: GrayImage<UInt16>, paddingIntact: Bool) {
        let sourceStride = image.width + sourcePadding
        let destinationStride = image.width + destinationPadding
        var source = [UInt16](repeating: 0xFFFF, count: sourceStride * image.height)
        for y in 0..<image.height {
            for x in 0..<image.width { source[y * sourceStride + x] = image[x, y] }
        }
        let sentinel: UInt16 = 0xBEEF
        var destination = [UInt16](repeating: sentinel, count: destinationStride * image.height)
        source.withUnsafeBufferPointer { input in
            destination.withUnsafeMutableBufferPointer { output in
                guard let inputBase = input.baseAddress, let outputBase = output.baseAddress else { return }
                filter(inputBase, sourceStride, outputBase, destinationStride)
            }
        }
        var pixels: [UInt16] = []
        var paddingIntact = true
        for y in 0..<image.height {
            pixels += destination[(y * destinationStride)..<(y * destinationStride + image.width)]
            let padding = destination[(y * destinationStride + image.width)..<((y + 1) * destinationStride)]
            paddingIntact = paddingIntact && padding.allSatisfy { $0 == sentinel }
        }
        return (GrayImage(width: image.width, height: image.height, pixels: pixels), paddingIntact)
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
