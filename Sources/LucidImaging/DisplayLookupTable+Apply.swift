extension DisplayLookupTable {
    /// Maps every pixel of `image` through the table. Samples beyond the table (above the
    /// encoding's maximum sample, which a correct decoder never produces) take its last level.
    /// - Returns: an image of the same size holding display levels.
    public func apply(to image: GrayImage<UInt16>) -> GrayImage<Level> {
        let count = image.pixels.count
        let lastIndex = levels.count - 1
        let output = [Level](unsafeUninitializedCapacity: count) { destination, initializedCount in
            levels.withUnsafeBufferPointer { table in
                image.pixels.withUnsafeBufferPointer { source in
                    for index in 0..<count {
                        destination.initializeElement(at: index, to: table[min(Int(source[index]), lastIndex)])
                    }
                }
            }
            initializedCount = count
        }
        return GrayImage(width: image.width, height: image.height, pixels: output)
    }
}
