/// A square median filter for 16-bit images, comparable with OpenCV's `cv2.medianBlur` on `uint16`.
///
/// - Border: `BORDER_REPLICATE` (OpenCV `medianBlur`'s border): samples outside the image repeat the
///   nearest edge sample.
/// - Methods: 3x3, 5x5 and 7x7 use branch-free min/max networks evaluated 16 columns at a time; 9x9
///   and larger use a sliding two-level histogram sized by `bitsStored` (`MedianHistogram`). All are
///   exact: the output is the middle value of the `size²` window samples.
/// - Range: the output is always one of the input samples. For 9x9 and larger, samples above
///   `2^bitsStored − 1` are treated as `2^bitsStored − 1`.
/// - Threads: results are bit-identical for any thread count.
public struct MedianFilter: ImageFilter, Equatable {
    /// Window side in pixels: odd, `1 ... 255` (1 copies the image).
    public let size: Int
    /// Significant bits of the samples, `1 ... 16` (default 16); sizes the histogram for 7x7 and up.
    public let bitsStored: Int

    /// Throws `.invalidParameter` unless `size` is odd and in `1 ... 255`, and `bitsStored` is in
    /// `1 ... 16`.
    public init(size: Int, bitsStored: Int = 16) throws(ImageOperationError) {
        guard size >= 1, size <= 255, size % 2 == 1 else {
            throw .invalidParameter(
                operation: "MedianFilter", name: "size", value: "\(size)", rule: "must be odd and in 1 ... 255")
        }
        try ImageOperationError.checkBitsStored(bitsStored, operation: "MedianFilter", rule: "must be 1 ... 16")
        self.size = size
        self.bitsStored = bitsStored
    }

    public var name: String { "median" }

    /// `kernel`: the window side.
    public var parameters: [OperationParameter] { [OperationParameter("kernel", size)] }

    /// Filters `source` into `destination` (same size, not overlapping) on up to `threads` threads.
    public func apply(
        _ source: ImageView<UInt16>, into destination: MutableImageView<UInt16>,
        threads: Int = StripScheduler.availableThreads
    ) {
        let image = checkedBuffers(source, destination)
        let histogram = MedianHistogram(size: size, bitsStored: bitsStored)
        image.forEachStrip(threads: threads) { rows in
            switch size {
            case 1:
                for row in rows {
                    image.destinationRow(row).update(from: image.sourceRow(row), count: image.width)
                }
            case 3:
                Median3x3.filter(rows, image)
            case 5:
                Median5x5.filter(rows, image)
            case 7:
                MedianSortedColumns.filter7x7(rows, image)
            default:
                histogram.filter(rows, image)
            }
        }
    }
}
