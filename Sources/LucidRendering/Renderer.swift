import LucidDICOM
import LucidImaging

/// Renders one frame of a DICOM image: grayscale through the pipeline of PS3.4 Annex N (Modality
/// LUT, the chosen VOI, then the MONOCHROME1 inversion), colour as RGB (PS3.3 C.7.6.3.1.2), to 8
/// or 16 bits.
public enum Renderer {
    public static func render(_ image: DICOMImage, options: RenderOptions = RenderOptions()) throws(RenderError)
        -> Rendering
    {
        guard options.depth == 8 || options.depth == 16 else { throw .unsupportedDepth(options.depth) }
        let frameIndex = options.frame - 1
        if !image.pixel.isGrayscale {
            return try renderColor(image, options: options)
        }
        var frame: GrayFrame
        do throws(DICOMError) {
            frame = try image.grayFrame(frameIndex)
        } catch {
            throw .dicom(error)
        }
        frame.image = try filter(
            frame.image, options: options, bitsStored: frame.encoding.bitsStored, source: image.source)
        var rendering = try window(
            frame.image, encoding: frame.encoding, display: frame.display, source: image.source,
            frameCount: image.pixel.numberOfFrames, options: options)
        if let quantisation = frame.quantisation {
            rendering.notes.append(ColorRendering.quantisationNote(quantisation, bitsStored: image.pixel.bitsStored))
        }
        return rendering
    }

    /// A colour frame as RGB at `options.depth` bits; grayscale steps and the window do not apply and
    /// the notes say so.
    static func renderColor(_ image: DICOMImage, options: RenderOptions) throws(RenderError) -> Rendering {
        let frame: RGBFrame
        do throws(DICOMError) {
            frame = try image.rgbFrame(options.frame - 1)
        } catch {
            throw .dicom(error)
        }
        return ColorRendering.rendering(frame, image: image, options: options)
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
