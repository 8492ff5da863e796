import LucidImaging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Synthetic images for the codec round-trip and corruption tests.
public enum TestImages {
    /// Odd sizes that exercise row strides, single rows and single columns.
    public static let oddSizes: [(width: Int, height: Int)] = [(1, 1), (3, 7), (257, 33), (1, 65), (64, 1)]

    public static func random<Pixel: FixedWidthInteger & UnsignedInteger & Sendable>(
        _: Pixel.Type, width: Int, height: Int, seed: UInt64
    ) -> GrayImage<Pixel> {
        var generator = SeededGenerator(seed: seed)
        let pixels = (0..<(width * height)).map { _ in Pixel.random(in: .min ... .max, using: &generator) }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    /// A smooth 8-bit image (sum of low-frequency sines), the kind JPEG encodes well.
    public static func smooth(width: Int, height: Int) -> GrayImage<UInt8> {
        var image = GrayImage<UInt8>(width: width, height: height, repeating: 0)
        for y in 0..<height {
            for x in 0..<width {
                let value = 128 + 60 * sin(Double(x) / 23) + 50 * cos(Double(y) / 17)
                image[x, y] = UInt8(max(0, min(255, value.rounded())))
            }
        }
        return image
    }

    /// Peak signal-to-noise ratio in dB for 8-bit samples; `.infinity` when identical.
    public static func psnr(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let squared = zip(a, b).reduce(0.0) { sum, pair in
            let difference = Double(pair.0) - Double(pair.1)
            return sum + difference * difference
        }
        guard squared > 0 else { return .infinity }
        let mse = squared / Double(a.count)
        return 10 * log10(255 * 255 / mse)
    }

    public static func maximumDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        zip(a, b).map { abs(Int($0) - Int($1)) }.max() ?? 0
    }
}
