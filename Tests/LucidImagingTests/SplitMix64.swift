import LucidImaging

/// A small seeded generator (SplitMix64, Steele, Lea & Flood 2014) so random test images are
/// reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension GrayImage where Pixel == UInt16 {
    /// A random image whose samples lie in `0 ... maximumSample`.
    static func random(width: Int, height: Int, maximumSample: Int, seed: UInt64) -> GrayImage<UInt16> {
        var generator = SplitMix64(seed: seed)
        let pixels = (0..<(width * height)).map { _ in
            UInt16(Int.random(in: 0...maximumSample, using: &generator))
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}
