import LucidDICOM
import LucidImaging

/// Colour frames as they are: RGB samples scaled to the output depth with `floor(x * max + 0.5)`,
/// `x` the sample over its own maximum. The grayscale steps (filters and window) do not apply to
/// colour data; the rendering's notes name each step skipped.
enum ColorRendering {
    static func rendering(_ frame: RGBFrame, image: DICOMImage, options: RenderOptions) -> Rendering {
        let sourceMaximum = Double((1 << frame.bitsPerSample) - 1)
        var notes: [String] = []
        let skipped = options.filters.map(\.description)
        if !skipped.isEmpty {
            notes.append("colour image: \(skipped.joined(separator: ", ")) skipped (grayscale steps)")
        }
        if options.window != .file(nil) {
            notes.append("colour image: window \(options.window) skipped (grayscale step)")
        }
        var rendering = Rendering(
            source: image.source, frame: options.frame, frameCount: image.pixel.numberOfFrames,
            voi: .linearRange(lower: 0, upper: sourceMaximum),
            windowDescription:
                "none: \(image.pixel.photometricInterpretation) shown as RGB, \(frame.bitsPerSample)-bit samples",
            modalityDescription: "none", inverted: false, notes: notes, steps: "")
        if options.depth == 16 {
            rendering.color16 = ColorImage(
                width: frame.image.width, height: frame.image.height,
                samples: scale(frame.image.samples, from: sourceMaximum, to: 65535))
        } else {
            rendering.color8 = ColorImage(
                width: frame.image.width, height: frame.image.height,
                samples: scale(frame.image.samples, from: sourceMaximum, to: 255))
        }
        return rendering
    }

    private static func scale<Output: FixedWidthInteger & UnsignedInteger>(
        _ samples: [UInt16], from sourceMaximum: Double, to outputMaximum: Output
    ) -> [Output] {
        if sourceMaximum == Double(outputMaximum) { return samples.map { Output(truncatingIfNeeded: $0) } }
        let factor = Double(outputMaximum) / sourceMaximum
        return samples.map { Output((Double($0) * factor + 0.5).rounded(.down)) }
    }

    /// The note of a grayscale rendering made from data wider than 16 bits.
    static func quantisationNote(_ quantisation: WideQuantisation, bitsStored: Int) -> String {
        "\(bitsStored)-bit data shown through 16-bit samples from \(Renderer.format(quantisation.lowest)), "
            + "step \(quantisation.step)"
    }
}
