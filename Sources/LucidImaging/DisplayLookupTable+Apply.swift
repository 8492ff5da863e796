extension DisplayLookupTable {
    /// Maps every pixel of `image` through the table. Samples beyond the table (above the
    /// encoding's maximum sample, which a correct decoder never produces) take its last level.
    ///
    /// Uses ``Windowing`` (the exact fixed-point ramp or a lookup per pixel, on every available core)
    /// for 8- and 16-bit levels; the result is the same as looking each pixel up.
    /// - Returns: an image of the same size holding display levels.
    public func apply(to image: GrayImage<UInt16>) -> GrayImage<Level> {
        if Level.self == UInt8.self {
            let table = DisplayLookupTable<UInt8>(levels: unsafeBitCast(levels, to: [UInt8].self))
            return unsafeBitCast(Windowing.apply(image, table: table), to: GrayImage<Level>.self)
        }
        if Level.self == UInt16.self {
            let table = DisplayLookupTable<UInt16>(levels: unsafeBitCast(levels, to: [UInt16].self))
            return unsafeBitCast(Windowing.apply16(image, table: table), to: GrayImage<Level>.self)
        }
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
