import LucidImaging

/// A frame's colours for display, each sample in `bitsPerSample` bits.
public struct RGBFrame: Sendable, Equatable {
    /// Red, green and blue samples, 0...2^bitsPerSample - 1.
    public let image: ColorImage<UInt16>
    /// Bits per sample: the Bits Stored of RGB and YBR data (32-bit data is cut to its top 16
    /// bits), the bits per entry of a palette.
    public let bitsPerSample: Int
}

extension DICOMImage {
    /// Frame `index` (0-based) of a colour image as RGB (PS3.3 C.7.6.3.1.2): YBR_FULL and
    /// YBR_FULL_422 converted with the full-range ITU-R BT.601 equations, YBR_PARTIAL_422/420 with
    /// the partial-range ones, YBR_ICT and YBR_RCT taken as RGB (the JPEG 2000 decoder already
    /// reverses the component transform), PALETTE COLOR indices looked up in the palette
    /// (C.7.6.3.1.5). Grayscale images are refused: use `frame` or `grayFrame`.
    public func rgbFrame(_ index: Int = 0) throws(DICOMError) -> RGBFrame {
        let stored = try storedFrame(index)
        if pixel.isPaletteColor {
            let palette = try PaletteColorTable(
                dataSet: dataSet, file: source, signedIndices: pixel.pixelRepresentation == 1)
            var samples = [UInt16](repeating: 0, count: 3 * pixel.pixelsPerFrame)
            for pixelIndex in 0..<pixel.pixelsPerFrame {
                let color = palette.color(ofIndex: stored.storedValue(at: pixelIndex))
                samples[3 * pixelIndex] = color.red
                samples[3 * pixelIndex + 1] = color.green
                samples[3 * pixelIndex + 2] = color.blue
            }
            return RGBFrame(image: image(samples), bitsPerSample: palette.bitsPerEntry)
        }
        guard pixel.samplesPerPixel == 3 else {
            throw .unsupportedPixelFormat(
                file: source, tag: .photometricInterpretation,
                reason: "\(pixel.photometricInterpretation) is grayscale, not colour")
        }
        let bits = min(pixel.bitsStored, 16)
        var samples: [UInt16]
        switch stored.samples {
        case .uint8(let values): samples = values.map { UInt16($0) }
        case .uint16(let values): samples = values
        case .uint32(let values):
            samples = values.map { UInt16(truncatingIfNeeded: $0 >> UInt32(pixel.bitsStored - bits)) }
        default: throw .unsupportedPixelFormat(file: source, tag: .pixelData, reason: "float colour samples")
        }
        switch stored.colorTransformUndone ? "RGB" : pixel.photometricInterpretation {
        case "YBR_FULL", "YBR_FULL_422": YBRConversion.full.toRGB(&samples, bits: bits)
        case "YBR_PARTIAL_422", "YBR_PARTIAL_420": YBRConversion.partial.toRGB(&samples, bits: bits)
        default: break
        }
        return RGBFrame(image: image(samples), bitsPerSample: bits)
    }

    private func image(_ samples: [UInt16]) -> ColorImage<UInt16> {
        ColorImage(width: pixel.columns, height: pixel.rows, samples: samples)
    }
}

/// The YCbCr to RGB equations of PS3.3 C.7.6.3.1.2 (ITU-R BT.601), for samples of any precision:
/// offsets and ranges scale with `2^(bits - 8)`.
enum YBRConversion {
    /// Full range: Y, Cb and Cr span the whole sample range.
    case full
    /// Partial range: Y spans 16...235 and Cb, Cr 16...240 (at 8 bits).
    case partial

    func toRGB(_ samples: inout [UInt16], bits: Int) {
        let scale = Double(1 << (bits - 8))
        let half = Double(1 << (bits - 1)), maximum = Double((1 << bits) - 1)
        let (lumaOffset, luma, redCr, greenCb, greenCr, blueCb): (Double, Double, Double, Double, Double, Double) =
            switch self {
            case .full: (0, 1, 1.402, 0.344136, 0.714136, 1.772)
            case .partial: (16 * scale, 255.0 / 219.0, 1.596027, 0.391762, 0.812968, 2.017232)
            }
        for first in stride(from: 0, to: samples.count, by: 3) {
            let y = (Double(samples[first]) - lumaOffset) * luma
            let cb = Double(samples[first + 1]) - half, cr = Double(samples[first + 2]) - half
            func clamp(_ value: Double) -> UInt16 { UInt16(min(max(value.rounded(), 0), maximum)) }
            samples[first] = clamp(y + redCr * cr)
            samples[first + 1] = clamp(y - greenCb * cb - greenCr * cr)
            samples[first + 2] = clamp(y + blueCb * cb)
        }
    }
}
