import LucidDICOM
import LucidImaging

/// Renders one frame of a DICOM image through the grayscale pipeline of PS3.4 Annex N: Modality
/// LUT, the chosen VOI, then the MONOCHROME1 inversion, to 8 or 16 bits.
public enum Renderer {
    public static func render(_ image: DICOMImage, options: RenderOptions = RenderOptions()) throws(RenderError)
        -> Rendering
    {
        guard options.depth == 8 || options.depth == 16 else { throw .unsupportedDepth(options.depth) }
        let frameIndex = options.frame - 1
        var frame: GrayImage<UInt16>
        do throws(DICOMError) {
            frame = try image.frame(frameIndex)
        } catch {
            throw .dicom(error)
        }
        frame = try filter(frame, options: options, bitsStored: image.pixel.encoding.bitsStored, source: image.source)
        return try window(
            frame, encoding: image.pixel.encoding, display: image.display(frame: frameIndex), source: image.source,
            frameCount: image.pixel.numberOfFrames, options: options)
    }

    /// Applies the filter steps of `options` (everything before the window) to stored samples.
    public static func filter(
        _ frame: GrayImage<UInt16>, options: RenderOptions, bitsStored: Int, source: String
    ) throws(RenderError) -> GrayImage<UInt16> {
        guard !options.filters.isEmpty else { return frame }
        do throws(ImageOperationError) {
            let executor = try StepExecutor(steps: options.filters, bitsStored: bitsStored)
            return executor.apply(frame, threads: options.threads)
        } catch {
            throw .invalidStep(file: source, error)
        }
    }

    /// Windows already filtered samples to `options.depth` bits: Modality LUT, the VOI `options`
    /// chooses from `display`, then the inversion. The recipe recorded names `options.filters` as applied.
    /// - Parameters:
    ///   - frame: stored samples, offset binary as `encoding` describes.
    ///   - frameCount: the number of frames of the source, for the provenance.
    public static func window(
        _ frame: GrayImage<UInt16>, encoding: StoredValueEncoding, display: DisplayAttributes, source: String,
        frameCount: Int, options: RenderOptions
    ) throws(RenderError) -> Rendering {
        guard options.depth == 8 || options.depth == 16 else { throw .unsupportedDepth(options.depth) }
        var notes: [String] = []
        let (voi, description) = try VOIChoice.resolve(
            options, display: display, frame: frame, encoding: encoding, source: source, notes: &notes)
        let pipeline = DisplayPipeline(encoding: encoding, modality: display.modality, voi: voi, invert: display.invert)
        var rendering = Rendering(
            image8: nil, image16: nil, source: source, frame: options.frame,
            frameCount: frameCount, voi: voi, windowDescription: description,
            modalityDescription: describe(display.modality), inverted: display.invert, notes: notes,
            steps: StepsSpec(steps: options.filters + [.window(options.window)]).description)
        do throws(DisplayPipelineError) {
            if options.depth == 8 {
                rendering.image8 = try Windowing.apply(frame, pipeline: pipeline, threads: options.threads)
            } else {
                rendering.image16 = try Windowing.apply16(frame, pipeline: pipeline, threads: options.threads)
            }
        } catch {
            switch error {
            case .invalidWindow(let window): throw .invalidWindow(file: source, window: window)
            case .nonFiniteRescale(let slope, let intercept):
                throw .unusableModalityTransform(
                    file: source, reason: "Rescale Slope \(slope), Rescale Intercept \(intercept)")
            case .invalidLinearRange(let lower, let upper):
                throw .unusableModalityTransform(file: source, reason: "modality values span \(lower)...\(upper)")
            }
        }
        return rendering
    }

    static func describe(_ modality: ModalityTransform) -> String {
        switch modality {
        case .identity: return "none"
        case .rescale(let slope, let intercept): return "rescale slope \(format(slope)) intercept \(format(intercept))"
        case .lookupTable(let lut):
            return
                "Modality LUT Sequence: \(lut.entries.count) entries from \(lut.firstMappedValue), \(lut.bitsPerEntry) bits"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
