/// Size limits applied before a decoder allocates memory for an image.
public enum CodecLimits {
    /// Default cap on `width * height` of a decoded image: 2^28 = 268,435,456 pixels
    /// (512 MiB of 16-bit samples). Larger headers are treated as corrupt.
    public static let defaultMaximumPixelCount = 1 << 28

    /// `width * height`, computed without overflow, when both are positive and the product is
    /// at most `maximumPixelCount`; otherwise throws `CodecError.imageTooLarge`.
    package static func checkedPixelCount(
        width: Int, height: Int, maximumPixelCount: Int
    ) throws(CodecError) -> Int {
        let (product, overflow) = width.multipliedReportingOverflow(by: height)
        guard width > 0, height > 0, !overflow, product <= maximumPixelCount else {
            throw .imageTooLarge(width: width, height: height, maximumPixelCount: maximumPixelCount)
        }
        return product
    }

    /// The image size as the `UInt32` pair the C encoders take, or `imageTooLarge` when a side
    /// exceeds `limit` pixels (2^31 - 1 for PNG, 65,500 for JPEG).
    package static func encoderDimensions(width: Int, height: Int, limit: Int) throws(CodecError) -> (
        width: UInt32, height: UInt32
    ) {
        guard width <= limit, height <= limit, let columns = UInt32(exactly: width), let rows = UInt32(exactly: height)
        else {
            throw .imageTooLarge(width: width, height: height, maximumPixelCount: limit)
        }
        return (columns, rows)
    }
}
