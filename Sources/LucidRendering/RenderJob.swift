import Foundation
import LucidCodecs
import LucidDICOM
import LucidFiles
import LucidImaging
import LucidPNG

/// One `lucid render`: read a file (or standard input), render a frame, encode it and write it
/// atomically (or to standard output).
public struct RenderJob: Sendable {
    public var input: String
    public var output: String
    public var format: OutputFormat
    public var options: RenderOptions
    /// JPEG quality, 1...100.
    public var quality: Int
    /// How a PNG is compressed (`--png-compression`): `.fast` by default.
    public var pngCompression: PNGCompression = .fast
    /// What the input may make Lucid read and allocate; standard input is held to
    /// `maximumFileBytes` like a file.
    public var limits: ReadLimits
    /// A preset whose steps replace `options.filters` and `options.window` (`auto` chooses one from
    /// the file's attributes); nil to render with `options` as given.
    public var preset: PipelinePreset?

    public init(
        input: String, output: String, format: OutputFormat, options: RenderOptions, quality: Int = 95,
        limits: ReadLimits = .standard, preset: PipelinePreset? = nil
    ) {
        self.input = input
        self.output = output
        self.format = format
        self.options = options
        self.quality = quality
        self.limits = limits
        self.preset = preset
    }

    /// Why a render job failed.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case render(RenderError)
        case encode(file: String, CodecError)
        case write(FileWriteError)

        public var description: String {
            switch self {
            case .render(let error): return error.description
            case .encode(let file, let error): return "\(file): cannot encode the rendering: \(error)"
            case .write(let error): return error.description
            }
        }
    }

    @discardableResult
    public func run() throws(Failure) -> Rendering {
        if format == .jpeg && options.depth != 8 { throw .render(.unsupportedDepth(options.depth)) }
        let image: DICOMImage
        do throws(DICOMError) {
            if input == "-" {
                let bytes = try DICOMFile.readBytes(
                    from: FileHandle.standardInput, source: "<stdin>", limits: limits)
                image = try DICOMImage(file: DICOMFile(bytes: bytes, source: "<stdin>", limits: limits), limits: limits)
            } else {
                image = try DICOMImage(path: input, limits: limits)
            }
        } catch {
            throw .render(.dicom(error))
        }
        var rendering: Rendering
        var options = options
        let chosen = preset?.chosen(for: image.dataSet)
        if let steps = chosen?.steps {
            options.filters = steps.filters
            options.window = steps.window
        }
        do throws(RenderError) {
            rendering = try Renderer.render(image, options: options)
        } catch {
            throw .render(error)
        }
        if let preset, let chosen { rendering.preset = preset.label(choosing: chosen) }
        let bytes: [UInt8]
        do throws(CodecError) {
            bytes = try encode(rendering)
        } catch {
            throw .encode(file: image.source, error)
        }
        if output == "-" {
            FileHandle.standardOutput.write(Data(bytes))
        } else {
            do throws(FileWriteError) {
                try AtomicFileWriter.write(bytes, to: output)
            } catch {
                throw .write(error)
            }
        }
        return rendering
    }

    func encode(_ rendering: Rendering) throws(CodecError) -> [UInt8] {
        let chunks = rendering.provenance.map { PNGTextChunk(keyword: $0.key, text: $0.value) }
        switch (format, rendering.image8, rendering.image16, rendering.color8, rendering.color16) {
        case (.png, let image?, _, _, _):
            return try PNGCodec.encode(image, textChunks: chunks, compression: pngCompression)
        case (.png, _, let image?, _, _):
            return try PNGCodec.encode(image, textChunks: chunks, compression: pngCompression)
        case (.png, _, _, let image?, _):
            return try PNGCodec.encode(image, textChunks: chunks, compression: pngCompression)
        case (.png, _, _, _, let image?):
            return try PNGCodec.encode(image, textChunks: chunks, compression: pngCompression)
        case (.jpeg, let image?, _, _, _): return try JPEGCodec.encode(image, quality: quality)
        case (.jpeg, _, _, let image?, _): return try JPEGCodec.encode(image, quality: quality)
        default:
            preconditionFailure("run() admits JPEG at 8 bits only, and a rendering holds the depth it was asked for")
        }
    }
}
