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
        if !options.filters.isEmpty {
            do throws(ImageOperationError) {
                let executor = try StepExecutor(steps: options.filters, bitsStored: image.pixel.encoding.bitsStored)
                frame = executor.apply(frame, threads: options.threads)
            } catch {
                throw .invalidStep(file: image.source, error)
            }
        }
        let display = image.display(frame: frameIndex)
        let encoding = image.pixel.encoding
        var notes: [String] = []
        let (voi, description) = try VOIChoice.resolve(
            options, display: display, frame: frame, encoding: encoding, source: image.source, notes: &notes)
        let pipeline = DisplayPipeline(encoding: encoding, modality: display.modality, voi: voi, invert: display.invert)
        var rendering = Rendering(
            image8: nil, image16: nil, source: image.source, frame: options.frame,
            frameCount: image.pixel.numberOfFrames, voi: voi, windowDescription: description,
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
            case .invalidWindow(let window): throw .invalidWindow(file: image.source, window: window)
            case .nonFiniteRescale(let slope, let intercept):
                throw .unusableModalityTransform(
                    file: image.source, reason: "Rescale Slope \(slope), Rescale Intercept \(intercept)")
            case .invalidLinearRange(let lower, let upper):
                throw .unusableModalityTransform(file: image.source, reason: "modality values span \(lower)...\(upper)")
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
