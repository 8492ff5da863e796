import LucidImaging
import LucidTestSupport

extension GrayImage where Pixel == UInt16 {
    /// A random image whose samples lie in `0 ... maximumSample`.
    static func random(width: Int, height: Int, maximumSample: Int, seed: UInt64) -> GrayImage<UInt16> {
        var generator = SeededGenerator(seed: seed)
        let pixels = (0..<(width * height)).map { _ in
            UInt16(Int.random(in: 0...maximumSample, using: &generator))
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}
