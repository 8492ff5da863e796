import LucidCodecs
import LucidImaging

/// Reads fuzzed bytes as a JPEG stream the ways Lucid does (header, any decode, grayscale decode:
/// libjpeg behind the C shim) and checks that what decodes is as large as its header says.
enum JPEGProbe {
    /// 2^22 pixels instead of the default 2^28, so oversized headers are refused before zeroing
    /// memory; the same check runs.
    static let maximumPixelCount = 1 << 22

    static func run(_ bytes: [UInt8]) {
        guard let header = try? JPEGCodec.readHeader(bytes) else { return }
        precondition(header.precision == 8, "precision \(header.precision) was accepted")
        precondition([1, 3].contains(header.components), "\(header.components) components were accepted")
        if let image = try? JPEGCodec.decode(bytes, maximumPixelCount: maximumPixelCount) {
            precondition(
                image.width == header.width && image.height == header.height
                    && image.components == header.components,
                "the decoded size differs from the header")
            precondition(
                image.samples.count == image.width * image.height * image.components,
                "\(image.samples.count) samples for \(image.width)x\(image.height)x\(image.components)")
        }
        if let gray = try? JPEGCodec.decodeGray8(bytes, maximumPixelCount: maximumPixelCount) {
            precondition(header.components == 1, "a colour JPEG decoded as grayscale")
            precondition(gray.pixels.count == gray.width * gray.height, "grayscale samples of the wrong count")
        }
    }
}
