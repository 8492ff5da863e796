/// Deterministic test images for benchmarks: the same size, bit depth and seed always give the same
/// samples, on every machine, so timings and outputs can be compared across runs and with other tools.
public enum SyntheticImage {
    /// A smooth, body-like phantom with seeded noise, the kind of content a radiograph or CT slice has:
    /// a dark background, an elliptical body with a smooth dome of intensity and a gentle left-to-right
    /// ramp, a soft-tissue region, an air-filled region and a bright bone-like disk (hard edges), plus
    /// noise of standard deviation about 1% of the full range.
    ///
    /// - Parameters:
    ///   - width: columns, at least 1.
    ///   - height: rows, at least 1.
    ///   - bits: bits per sample, 1...16; samples lie in `0 ... 2^bits - 1` (unsigned, like
    ///     offset-binary stored values). Default 12, as in CT and CR.
    ///   - seed: seeds the noise (SplitMix64); default 1.
    /// - Returns: a `width` x `height` image.
    public static func phantom(width: Int, height: Int, bits: Int = 12, seed: UInt64 = 1) -> GrayImage<UInt16> {
        precondition(width > 0 && height > 0, "phantom needs a positive size")
        precondition((1...16).contains(bits), "bits must be 1...16")
        let maximum = Double((1 << bits) - 1)
        let shapes = PhantomShapes(width: Double(width), height: Double(height))
        let noiseDeviation = 0.01 * maximum
        var generator = NoiseGenerator(seed: seed)
        var pixels = [UInt16](repeating: 0, count: width * height)
        for y in 0..<height {
            let rowStart = y * width
            for x in 0..<width {
                let level = shapes.level(x: Double(x) + 0.5, y: Double(y) + 0.5) * maximum
                let value = (level + generator.nextGaussian() * noiseDeviation).rounded()
                pixels[rowStart + x] = UInt16(min(max(value, 0), maximum))
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}

/// The phantom's noise-free content as a fraction (0...1) of the full range, at a point in pixels.
private struct PhantomShapes {
    let width: Double
    let height: Double

    /// Squared normalised distance from an ellipse's centre: below 1 inside.
    private func ellipse(
        _ x: Double, _ y: Double, centerX: Double, centerY: Double, radiusX: Double, radiusY: Double
    ) -> Double {
        let u = (x - centerX * width) / (radiusX * width)
        let v = (y - centerY * height) / (radiusY * height)
        return u * u + v * v
    }

    func level(x: Double, y: Double) -> Double {
        let body = ellipse(x, y, centerX: 0.5, centerY: 0.5, radiusX: 0.45, radiusY: 0.42)
        guard body < 1 else { return 0.04 }
        var level = 0.30 + 0.25 * (1 - body) + 0.05 * x / width
        if ellipse(x, y, centerX: 0.35, centerY: 0.45, radiusX: 0.12, radiusY: 0.15) < 1 { level += 0.15 }
        if ellipse(x, y, centerX: 0.55, centerY: 0.30, radiusX: 0.10, radiusY: 0.08) < 1 { level = 0.10 }
        let boneRadius = 0.06 * min(width, height)
        let boneX = x - 0.62 * width, boneY = y - 0.58 * height
        if boneX * boneX + boneY * boneY < boneRadius * boneRadius { level = 0.85 }
        return level
    }
}

/// SplitMix64 with an approximately normal draw (the sum of four uniform 16-bit fractions, rescaled).
private struct NoiseGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Mean 0, standard deviation 1 (Irwin-Hall with four terms), within -3.46 ... 3.46.
    mutating func nextGaussian() -> Double {
        let bits = next()
        let sum =
            Double(bits & 0xFFFF) + Double((bits >> 16) & 0xFFFF) + Double((bits >> 32) & 0xFFFF)
            + Double(bits >> 48)
        // Each term is uniform on 0...65535 (mean 32767.5, variance (65536^2 - 1) / 12).
        let mean = 4 * 32767.5
        let deviation = (4 * (65536.0 * 65536.0 - 1) / 12).squareRoot()
        return (sum - mean) / deviation
    }
}
