import Foundation
import LucidImaging

/// A plain double-precision bilateral filter with OpenCV's definition: a disc of radius
/// `diameter / 2`, Gaussian spatial and range weights, `BORDER_REFLECT_101`, rounded mean.
enum BilateralReference {
    static func filter(
        _ image: GrayImage<UInt16>, diameter: Int, sigmaSpace: Double, sigmaColor: Double, maximumSample: Int
    ) -> GrayImage<UInt16> {
        let radius = diameter / 2
        var output = image
        for y in 0..<image.height {
            for x in 0..<image.width {
                let centre = Double(image[x, y])
                var weightSum = 0.0
                var valueSum = 0.0
                for dy in -radius...radius {
                    for dx in -radius...radius where dx * dx + dy * dy <= radius * radius {
                        let value = Double(DenoisingTestSupport.sample(image, x + dx, y + dy))
                        let spatial = exp(-Double(dx * dx + dy * dy) / (2 * sigmaSpace * sigmaSpace))
                        let range = exp(-(value - centre) * (value - centre) / (2 * sigmaColor * sigmaColor))
                        weightSum += spatial * range
                        valueSum += spatial * range * value
                    }
                }
                output[x, y] = UInt16(min(Int((valueSum / weightSum).rounded()), maximumSample))
            }
        }
        return output
    }
}
