extension GrayImage where Pixel == UInt16 {
    /// A new image of the same size whose samples `kernel` writes, given the source and destination
    /// base pointers; both have a row stride equal to `width`.
    ///
    /// The destination is not zero-filled first (a 10 MB fill costs about as much as a 3x3 median):
    /// `kernel` must write every one of its `width x height` samples.
    @inlinable
    public func filtered(
        by kernel: (_ source: UnsafePointer<UInt16>, _ destination: UnsafeMutablePointer<UInt16>) -> Void
    ) -> GrayImage<UInt16> {
        let count = pixels.count
        let output = pixels.withUnsafeBufferPointer { source in
            [UInt16](unsafeUninitializedCapacity: count) { destination, initialized in
                // A GrayImage holds at least one pixel, so both base addresses exist.
                guard let sourceBase = source.baseAddress, let destinationBase = destination.baseAddress else {
                    destination.initialize(repeating: 0)
                    initialized = count
                    return
                }
                kernel(sourceBase, destinationBase)
                initialized = count
            }
        }
        return GrayImage(width: width, height: height, pixels: output)
    }
}
