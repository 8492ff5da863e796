import Foundation
import LucidCodecs
import LucidDICOM
import LucidImaging

/// Processes one input of `lucid process`: recognise it, run the recipe on each frame once, window it
/// for each requested rendition and write every rendition atomically (temporary name, then rename).
/// Never throws: every problem becomes a failed or skipped `FileOutcome` naming the file.
public struct FileProcessor: Sendable {
    public let settings: ProcessSettings

    public init(settings: ProcessSettings) {
        self.settings = settings
    }

    public func process(_ path: String) -> FileOutcome {
        let start = DispatchTime.now()
        var outcome = FileOutcome(path: path, status: .ok)
        do throws(FileFailure) {
            switch try LoadedInput.load(path) {
            case .unsupported(let reason):
                outcome.status = .skipped
                outcome.error = reason
            case .dicom(let image):
                try processDICOM(image, path: path, outcome: &outcome)
            case .png16(let samples, let bitsStored):
                let (steps, preset) = recipe(forDataSet: nil)
                outcome.steps = steps.description
                outcome.preset = preset
                try renderFrame(
                    samples, encoding: StoredValueEncoding(bitsStored: bitsStored, isSigned: false),
                    display: DisplayAttributes(), path: path, frame: 1, frameCount: 1, steps: steps,
                    preset: preset, outcome: &outcome)
            }
        } catch {
            outcome.status = .failed
            outcome.error = error.message
        }
        outcome.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return outcome
    }

    /// The steps to apply and, for presets, the preset's name (`auto: ct-lung` when chosen by `auto`).
    func recipe(forDataSet dataSet: DataSet?) -> (StepsSpec, String?) {
        switch settings.recipe {
        case .steps(let spec):
            return (spec, nil)
        case .preset(let preset):
            guard preset == .auto else { return (preset.steps ?? StepsSpec(steps: []), preset.name) }
            let chosen =
                dataSet.map { AutoPreset.choose(for: $0) } ?? AutoPreset.choose(modality: nil, bodyPart: nil)
            return (chosen.steps ?? StepsSpec(steps: []), "auto: \(chosen.name)")
        }
    }

    private func processDICOM(_ image: DICOMImage, path: String, outcome: inout FileOutcome) throws(FileFailure) {
        let (steps, preset) = recipe(forDataSet: image.dataSet)
        outcome.steps = steps.description
        outcome.preset = preset
        let frameCount = image.pixel.numberOfFrames
        let frames: [Int]
        if let frame = settings.frame {
            guard frame <= frameCount else {
                throw FileFailure("\(path): frame \(frame) does not exist; the file has \(frameCount) frame(s)")
            }
            frames = [frame]
        } else {
            frames = Array(1...max(1, frameCount))
        }
        for frame in frames {
            let samples: GrayImage<UInt16>
            do throws(DICOMError) {
                samples = try image.frame(frame - 1)
            } catch {
                throw FileFailure(error.description)
            }
            try renderFrame(
                samples, encoding: image.pixel.encoding, display: image.display(frame: frame - 1), path: path,
                frame: frame, frameCount: frameCount, steps: steps, preset: preset, outcome: &outcome)
        }
    }

    private func renderFrame(
        _ samples: GrayImage<UInt16>, encoding: StoredValueEncoding, display: DisplayAttributes, path: String,
        frame: Int, frameCount: Int, steps: StepsSpec, preset: String?, outcome: inout FileOutcome
    ) throws(FileFailure) {
        var options = RenderOptions(
            frame: frame, window: steps.window, filters: steps.filters, threads: settings.threads)
        let filtered: GrayImage<UInt16>
        do throws(RenderError) {
            filtered = try Renderer.filter(samples, options: options, bitsStored: encoding.bitsStored, source: path)
        } catch {
            throw FileFailure(error.description)
        }
        var renderings: [Int: Rendering] = [:]
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
                    throw FileFailure(error.description)
                }
                renderings[format.depth] = rendering
            }
            let output = settings.layout.outputPath(for: path, frame: frameCount > 1 ? frame : nil, format: format)
            try write(rendering, format: format, preset: preset, to: output)
            outcome.outputs.append(output)
        }
    }

    private func write(_ rendering: Rendering, format: RenditionFormat, preset: String?, to output: String)
        throws(FileFailure)
    {
        var provenance = rendering.provenance
        if let preset { provenance.insert(("Preset", preset), at: 3) }
        let bytes: [UInt8]
        do throws(CodecError) {
            bytes = try RenditionEncoder.encode(
                rendering, format: format, provenance: provenance, quality: settings.quality)
        } catch {
            throw FileFailure("\(rendering.source): cannot encode the rendering: \(error)")
        }
        let folder = FileSystemPath.parent(FileSystemPath.absolute(output, base: FileSystemPath.currentDirectory))
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FileFailure("\(rendering.source): cannot create the output folder \(folder): \(error)")
        }
        do throws(FileWriteError) {
            try AtomicFileWriter.write(bytes, to: output)
        } catch {
            throw FileFailure("\(rendering.source): \(error)")
        }
    }
}
