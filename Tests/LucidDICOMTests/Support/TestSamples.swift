import LucidTestSupport

/// Seeded pseudo-random samples for codec round trips.
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
