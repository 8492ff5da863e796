import Foundation
import LucidImaging

/// A plain, obviously correct Gaussian blur in `Double`: OpenCV's kernel size rule
/// (`round(8 sigma + 1) | 1` taps), normalised weights, `BORDER_REFLECT_101`, full 2D sum of the
/// separable kernel. Returns unrounded values.
enum GaussianReference {
    static func weights(sigma: Double) -> [Double] {
        let radius = (Int((sigma * 8 + 1).rounded()) | 1) / 2
        let raw = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }

    static func reflect(_ index: Int, _ count: Int) -> Int {
        if count == 1 { return 0 }
        var position = index
        while position < 0 || position >= count {
            position = position < 0 ? -position : 2 * count - 2 - position
        }
        return position
    }

    static func blur(_ image: GrayImage<UInt16>, sigma: Double) -> [Double] {
        let kernel = weights(sigma: sigma)
        let radius = kernel.count / 2
        var result = [Double](repeating: 0, count: image.width * image.height)
        for y in 0..<image.height {
            for x in 0..<image.width {
                var sum = 0.0
                for dy in -radius...radius {
                    for dx in -radius...radius {
                        let sample = image[reflect(x + dx, image.width), reflect(y + dy, image.height)]
                        sum += kernel[dy + radius] * kernel[dx + radius] * Double(sample)
                    }
                }
                result[y * image.width + x] = sum
            }
        }
        return result
    }
}
