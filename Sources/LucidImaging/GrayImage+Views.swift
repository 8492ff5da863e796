extension GrayImage {
    /// Calls `body` with a read-only view of the whole image (stride `width`) and returns its result.
    /// The view is valid only inside `body`.
    public func withView<Result, Failure: Error>(
        _ body: (ImageView<Pixel>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try pixels.withUnsafeBufferPointer { (buffer) throws(Failure) -> Result in
            // A GrayImage holds at least one pixel, so the base address exists.
            try body(
                ImageView(
                    base: buffer.baseAddress.unsafelyUnwrapped,
                    geometry: ImageViewGeometry(width: width, height: height, stride: width)))
        }
    }

    /// Calls `body` with a writable view of the whole image (stride `width`) and returns its result.
    /// The view is valid only inside `body`.
    public mutating func withMutableView<Result, Failure: Error>(
        _ body: (MutableImageView<Pixel>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let (width, height) = (width, height)
        return try pixels.withUnsafeMutableBufferPointer { (buffer) throws(Failure) -> Result in
            try body(
                MutableImageView(
                    base: buffer.baseAddress.unsafelyUnwrapped,
                    geometry: ImageViewGeometry(width: width, height: height, stride: width)))
        }
    }

    /// A new `width x height` image whose samples `kernel` writes through a view of it.
    ///
    /// The image is not zero-filled first (a 10 MB fill costs about as much as a 3x3 median): `kernel`
    /// must write every one of its samples; any it leaves hold unspecified values.
    public init(width: Int, height: Int, writingWith kernel: (MutableImageView<Pixel>) -> Void) {
        precondition(width > 0 && height > 0, "GrayImage needs a positive size")
        let count = width * height
        let pixels = [Pixel](unsafeUninitializedCapacity: count) { buffer, initialized in
            kernel(
                MutableImageView(
                    base: buffer.baseAddress.unsafelyUnwrapped,
                    geometry: ImageViewGeometry(width: width, height: height, stride: width)))
            initialized = count
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// A new image of the same size whose samples `kernel` writes, given views of this image and of
    /// the new one. As with ``init(width:height:writingWith:)``, `kernel` must write every sample.
    public func filtered(by kernel: (_ source: ImageView<Pixel>, _ destination: MutableImageView<Pixel>) -> Void)
        -> GrayImage<Pixel>
    {
        filtered(to: Pixel.self, by: kernel)
    }

    /// A new image of the same size with `Output` samples (e.g. 8-bit display levels of 16-bit
    /// samples) that `kernel` writes, given views of this image and of the new one. `kernel` must
    /// write every sample.
    public func filtered<Output>(
        to outputType: Output.Type,
        by kernel: (_ source: ImageView<Pixel>, _ destination: MutableImageView<Output>) -> Void
    ) -> GrayImage<Output> {
        withView { source in
            GrayImage<Output>(width: width, height: height) { destination in kernel(source, destination) }
        }
    }
}

extension ColorImage {
    /// Calls `body` with a read-only view of the whole image (3 components, stride `3 * width`) and
    /// returns its result. The view is valid only inside `body`.
    public func withView<Result, Failure: Error>(
        _ body: (ImageView<Sample>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try samples.withUnsafeBufferPointer { (buffer) throws(Failure) -> Result in
            try body(
                ImageView(
                    base: buffer.baseAddress.unsafelyUnwrapped,
                    geometry: ImageViewGeometry(width: width, height: height, stride: 3 * width, components: 3)))
        }
    }

    /// Calls `body` with a writable view of the whole image (3 components, stride `3 * width`) and
    /// returns its result. The view is valid only inside `body`.
    public mutating func withMutableView<Result, Failure: Error>(
        _ body: (MutableImageView<Sample>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let (width, height) = (width, height)
        return try samples.withUnsafeMutableBufferPointer { (buffer) throws(Failure) -> Result in
            try body(
                MutableImageView(
                    base: buffer.baseAddress.unsafelyUnwrapped,
                    geometry: ImageViewGeometry(width: width, height: height, stride: 3 * width, components: 3)))
        }
    }
}
