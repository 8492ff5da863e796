import LucidCodecs
import LucidDICOM
import LucidImaging
import LucidRendering

/// One frame run through the recipe: the filtered stored samples, the VOI the window step used,
/// and each requested rendition encoded.
struct FrameProduct {
    /// The frame number, from 1.
    let frame: Int
    /// The samples after the filter steps, before the window (what the derived DICOM stores); nil
    /// for a colour frame, which is rendered as it is.
    let filtered: GrayImage<UInt16>?
    /// The VOI applied by the window step, and its readable statement.
    let voi: VOITransform
    let windowDescription: String
    /// Every requested rendition, in the order asked.
    let encoded: [(RenditionFormat, [UInt8])]
    /// The recipe's steps that did not apply to this frame (grayscale steps on a colour frame).
    var skippedSteps: [String] = []
    /// The before/after thumbnails for `--report`, when asked for this frame.
    var thumbnails: ReportThumbnails?
}

extension FileProcessor {
    /// Filters `samples` once, windows them for each rendition depth asked and, with `encode`,
    /// encodes every rendition (without, `encoded` is empty: the frame's window is still chosen).
    func renderFrame(
        _ samples: GrayImage<UInt16>, encoding: StoredValueEncoding, display: DisplayAttributes, path: String,
        frame: Int, frameCount: Int, steps: StepsSpec, preset: String?, encode: Bool = true, keepsFiltered: Bool = true,
        thumbnails: Bool = false
    ) throws(FileError) -> FrameProduct {
        var options = RenderOptions(
            frame: frame, window: steps.window, filters: steps.filters, threads: settings.threads)
        let filtered: GrayImage<UInt16>
        do throws(RenderError) {
            filtered = try Renderer.filter(samples, options: options, bitsStored: encoding.bitsStored, source: path)
        } catch {
            throw .render(path: path, frame: frame, error)
        }
        var renderings: [Int: Rendering] = [:]
        var encoded: [(RenditionFormat, [UInt8])] = []
        var first: Rendering?
        for format in settings.formats {
            options.depth = format.depth
            let rendering: Rendering
            if let done = renderings[format.depth] {
                rendering = done
            } else {
                do throws(RenderError) {
                    rendering = try Renderer.window(
                        filtered, encoding: encoding, display: display, source: path, frameCount: frameCount,
                        options: options)
                } catch {
                    throw .render(path: path, frame: frame, error)
                }
                renderings[format.depth] = rendering
            }
            if first == nil { first = rendering }
            guard encode else { break }
            encoded.append((format, try self.encode(rendering, frame: frame, format: format, preset: preset)))
        }
        guard let first else { throw .noRenditionFormat(path: path) }
        var product = FrameProduct(
            frame: frame, filtered: keepsFiltered ? filtered : nil, voi: first.voi,
            windowDescription: first.windowDescription, encoded: encoded)
        if thumbnails {
            product.thumbnails = grayThumbnails(
                samples, encoding: encoding, display: display, path: path, frame: frame, frameCount: frameCount,
                after: first)
        }
        return product
    }

    /// Renders a colour frame as it is at each rendition depth asked (see `ColorRendering`): the
    /// grayscale steps of the recipe are skipped and listed in the product.
    func renderColorFrame(
        _ image: DICOMImage, path: String, frame: Int, steps: StepsSpec, preset: String?, encode: Bool,
        thumbnails: Bool = false
    ) throws(FileError) -> FrameProduct {
        var options = RenderOptions(frame: frame, filters: [], threads: settings.threads)
        var encoded: [(RenditionFormat, [UInt8])] = []
        var first: Rendering?
        for format in settings.formats {
            options.depth = format.depth
            let rendering: Rendering
            do throws(RenderError) {
                rendering = try Renderer.render(image, options: options)
            } catch {
                throw .render(path: path, frame: frame, error)
            }
            if first == nil { first = rendering }
            guard encode else { break }
            encoded.append((format, try self.encode(rendering, frame: frame, format: format, preset: preset)))
        }
        guard let first else { throw .noRenditionFormat(path: path) }
        let skipped = (steps.filters + [ProcessingStep.window(steps.window)]).map { "\($0) (colour image)" }
        return FrameProduct(
            frame: frame, filtered: nil, voi: first.voi, windowDescription: first.windowDescription,
            encoded: encoded, skippedSteps: skipped, thumbnails: thumbnails ? colorThumbnails(first, frame: frame) : nil
        )
    }

    /// Encodes frame `frame` (from 1) in `format`, with the rendering's provenance and the preset.
    private func encode(_ rendering: Rendering, frame: Int, format: RenditionFormat, preset: String?)
        throws(FileError) -> [UInt8]
    {
        var provenance = rendering.provenance
        if let preset { provenance.insert(("Preset", preset), at: 3) }
        do throws(CodecError) {
            return try RenditionEncoder.encode(
                rendering, format: format, provenance: provenance, quality: settings.quality,
                pngCompression: settings.pngCompression)
        } catch {
            throw .encode(path: rendering.source, frame: frame, error)
        }
    }
}
