import LucidCodecs
import LucidImaging
import LucidPNG
import LucidRendering

/// Makes report thumbnails: a rendering reduced by area averaging (each thumbnail pixel is the mean
/// of the source pixels it covers) to at most `ReportThumbnail.longestSide` pixels on its longest
/// side, as an 8-bit PNG written by the fast writer (`PNGCompression.fast`, the renditions'
/// default, so the report's browser test also proves that browsers read it). A 16-bit rendering is
/// reduced to 8 bits (its high byte).
enum ThumbnailScaler {
    /// The thumbnail size of a `width` x `height` image: the aspect ratio kept, each side at least 1,
    /// never enlarged.
    static func size(width: Int, height: Int, longest: Int = ReportThumbnail.longestSide) -> (width: Int, height: Int) {
        let side = max(width, height)
        guard side > longest else { return (width, height) }
        return (max(1, (width * longest + side / 2) / side), max(1, (height * longest + side / 2) / side))
    }

    /// The thumbnail of `rendering`; nil when it holds no image.
    static func thumbnail(of rendering: Rendering) throws(CodecError) -> ReportThumbnail? {
        if let gray = rendering.image8 ?? rendering.image16.map(highBytes) {
            let small = reduce(gray.pixels, width: gray.width, height: gray.height, channels: 1)
            let image = GrayImage(width: small.width, height: small.height, pixels: small.samples)
            return ReportThumbnail(
                png: try PNGCodec.encode(image, compression: .fast), width: small.width, height: small.height)
        }
        if let color = rendering.color8 ?? rendering.color16.map(highBytes) {
            let small = reduce(color.samples, width: color.width, height: color.height, channels: 3)
            let image = ColorImage(width: small.width, height: small.height, samples: small.samples)
            return ReportThumbnail(
                png: try PNGCodec.encode(image, compression: .fast), width: small.width, height: small.height)
        }
        return nil
    }

    /// Area averaging of interleaved 8-bit samples.
    static func reduce(_ samples: [UInt8], width: Int, height: Int, channels: Int)
        -> (samples: [UInt8], width: Int, height: Int)
    {
        let target = size(width: width, height: height)
        guard target.width != width || target.height != height else { return (samples, width, height) }
        var result = [UInt8](repeating: 0, count: target.width * target.height * channels)
        for row in 0..<target.height {
            let top = row * height / target.height
            let bottom = max(top + 1, (row + 1) * height / target.height)
            for column in 0..<target.width {
                let left = column * width / target.width
                let right = max(left + 1, (column + 1) * width / target.width)
                let count = (bottom - top) * (right - left)
                for channel in 0..<channels {
                    var sum = 0
                    for y in top..<bottom {
                        let base = (y * width) * channels + channel
                        for x in left..<right { sum += Int(samples[base + x * channels]) }
                    }
                    result[(row * target.width + column) * channels + channel] = UInt8((sum + count / 2) / count)
                }
            }
        }
        return (result, target.width, target.height)
    }

    private static func highBytes(_ image: GrayImage<UInt16>) -> GrayImage<UInt8> {
        GrayImage(width: image.width, height: image.height, pixels: image.pixels.map { UInt8($0 >> 8) })
    }

    private static func highBytes(_ image: ColorImage<UInt16>) -> ColorImage<UInt8> {
        ColorImage(width: image.width, height: image.height, samples: image.samples.map { UInt8($0 >> 8) })
    }
}
