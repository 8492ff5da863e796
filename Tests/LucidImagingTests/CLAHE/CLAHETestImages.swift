import LucidImaging
import LucidTestSupport

extension GrayImage where Pixel == UInt16 {
    /// A seeded image with the histogram shape CLAHE meets in practice: a slow ramp, a flat block (a
    /// tall histogram peak that the clip limit cuts) and a little noise, in `0 ... maximumSample`.
    static func structured(width: Int, height: Int, maximumSample: Int, seed: UInt64) -> GrayImage<UInt16> {
        var generator = SeededGenerator(seed: seed)
        var pixels: [UInt16] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width {
                let inBlock = x >= width / 4 && x < width / 2 && y >= height / 3 && y < 2 * height / 3
                let ramp = maximumSample / 4 + (maximumSample / 2) * (x + 2 * y) / max(1, width + 2 * height)
                let noise = Int.random(in: -(maximumSample / 64)...(maximumSample / 64), using: &generator)
                let value = inBlock ? maximumSample / 8 : ramp + noise
                pixels.append(UInt16(min(max(value, 0), maximumSample)))
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}
