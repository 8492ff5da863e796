/// SplitMix64: a tiny deterministic random number generator so that test data is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Smooth-ish random test images: a gradient plus noise, so that differences span small and large
/// categories; `noise` near 2^precision gives every category including 16.
func makeTestSamples(width: Int, height: Int, components: Int, precision: Int, noise: Int, seed: UInt64) -> [UInt16] {
    var generator = SeededGenerator(seed: seed)
    let maximum = (1 << precision) - 1
    var samples: [UInt16] = []
    samples.reserveCapacity(width * height * components)
    for y in 0..<height {
        for x in 0..<width {
            for c in 0..<components {
                let base = (x * 37 + y * 11 + c * 101) % (maximum + 1)
                let value = (base + Int.random(in: -noise...noise, using: &generator)) & maximum
                samples.append(UInt16(value))
            }
        }
    }
    return samples
}
