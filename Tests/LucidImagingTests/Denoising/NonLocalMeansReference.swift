import Foundation
import LucidImaging

/// A plain double-precision non-local means with OpenCV's `fastNlMeansDenoising` definition for
/// 16-bit data and `NORM_L1`: direct loops over the search window and the template.
enum NonLocalMeansReference {
    /// OpenCV's weight for a patch sum of absolute differences `sad` over `templateSize`² pixels:
    /// the "almost average" `(sad >> s) * 2^s / T²` with `2^s >= T²`, then `exp(-dist² / h²)`,
    /// zero below 0.001.
    static func weight(sad: Int, templateSize: Int, h: Double) -> Double {
        let area = templateSize * templateSize
        var shift = 0
        while 1 << shift < area { shift += 1 }
        let distance = Double(sad >> shift) * Double(1 << shift) / Double(area)
        let hSquared = Double(Float(h) * Float(h))
        let weight = exp(-distance * distance / hSquared)
        return weight < 0.001 ? 0 : weight
    }

    /// The denoised sample at `(x, y)`.
    static func denoised(
        _ image: GrayImage<UInt16>, x: Int, y: Int, h: Double, templateSize: Int, searchSize: Int,
        maximumSample: Int
    ) -> UInt16 {
        let templateHalf = templateSize / 2
        let searchHalf = searchSize / 2
        var weightSum = 0.0
        var valueSum = 0.0
        for sy in -searchHalf...searchHalf {
            for sx in -searchHalf...searchHalf {
                var sad = 0
                for ty in -templateHalf...templateHalf {
                    for tx in -templateHalf...templateHalf {
                        let a = DenoisingTestSupport.sample(image, x + tx, y + ty)
                        let b = DenoisingTestSupport.sample(image, x + sx + tx, y + sy + ty)
                        sad += abs(a - b)
                    }
                }
                let weight = weight(sad: sad, templateSize: templateSize, h: h)
                weightSum += weight
                valueSum += weight * Double(DenoisingTestSupport.sample(image, x + sx, y + sy))
            }
        }
        return UInt16(min(Int((valueSum / weightSum).rounded()), maximumSample))
    }

    /// The whole image denoised.
    static func denoise(
        _ image: GrayImage<UInt16>, h: Double, templateSize: Int, searchSize: Int, maximumSample: Int
    ) -> GrayImage<UInt16> {
        var output = image
        for y in 0..<image.height {
            for x in 0..<image.width {
                output[x, y] = denoised(
                    image, x: x, y: y, h: h, templateSize: templateSize, searchSize: searchSize,
                    maximumSample: maximumSample)
            }
        }
        return output
    }
}
