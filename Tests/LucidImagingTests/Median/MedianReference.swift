import LucidImaging

/// A plain, obviously correct median filter: gathers the `size x size` window with replicated borders
/// (indices clamped into the image), sorts it and takes the middle element.
enum MedianReference {
    static func filter(_ image: GrayImage<UInt16>, size: Int) -> GrayImage<UInt16> {
        let radius = size / 2
        var result = image
        for y in 0..<image.height {
            for x in 0..<image.width {
                var window: [UInt16] = []
                for dy in -radius...radius {
                    for dx in -radius...radius {
                        let column = min(max(x + dx, 0), image.width - 1)
                        let row = min(max(y + dy, 0), image.height - 1)
                        window.append(image[column, row])
                    }
                }
                window.sort()
                result[x, y] = window[window.count / 2]
            }
        }
        return result
    }
}
