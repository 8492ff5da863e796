import ArgumentParser
import Foundation
import LucidBatch
import LucidDICOM
import LucidImaging
import LucidRendering

/// `lucid render FILE -o OUT`: one frame through Modality LUT, VOI and MONOCHROME1 inversion to PNG or JPEG.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one frame of a DICOM file to PNG or JPEG, windowed as the standard says.",
        discussion: """
            The window (--window, or the last step of --steps or of a --preset) is by default the file's own: \
            its VOI LUT Sequence's first item, else its first valid window, else auto. `lucid help windows` lists \
            every window and the named CT windows with their values, `lucid help presets` the presets, `lucid \
            help steps` the filters. --steps, --preset, --window, --format, --frame and --threads mean the same \
            in `lucid process`.

            The output is written to a temporary name and renamed, so a failed render leaves no file. PNG \
            outputs carry text chunks saying the source, frame, preset, steps, window and Modality LUT used.
            Exit status: 0 rendered, 1 the file could not be rendered, 2 bad usage.
            """)

    @Argument(help: "The DICOM file, or - for standard input.")
    var file: String

    @Option(
        name: [.customShort("o"), .customLong("out")],
        help: ArgumentHelp(
            "Output file ending in .png, .jpg or .jpeg, or - for standard output (required).", valueName: "file"))
    var out: String?

    @Option(name: .customLong("output"), help: .hidden)
    var deprecatedOutput: String?

    @Option(help: "Frame number, from 1.")
    var frame = 1

    @OptionGroup var pipeline: PipelineOptions

    @Option(
        help: ArgumentHelp(
            "Threads for the image operations, 1...\(StripScheduler.maximumThreads) (default: all cores, "
                + "\(StripScheduler.defaultThreads) here).",
            valueName: "n"))
    var threads: Int?

    @Option(help: "VOI LUT Function overriding the window's: linear, linear-exact or sigmoid.")
    var function: String?

    @Option(
        help: ArgumentHelp(
            "Output format: png, png16 (16-bit PNG) or jpeg (default: the one -o's extension names; png for -o -).",
            valueName: "format"))
    var format: String?

    @Option(name: .customLong("depth"), help: .hidden)
    var deprecatedDepth: Int?

    @Option(help: "JPEG quality, 1...100.")
    var quality = 95

    @Option(name: .customLong("png-compression"), help: PNGCompressionOption.help)
    var pngCompression = PNGCompressionOption.fast

    @OptionGroup var limits: LimitOptions

    /// `-o`/`--out`, or its deprecated spelling `--output`.
    var output: String {
        get throws {
            if out != nil && deprecatedOutput != nil {
                throw ValidationError("give the output once, with -o/--out (--output is its old spelling)")
            }
            guard let output = out ?? deprecatedOutput else {
                throw ValidationError("missing -o/--out FILE: the PNG or JPEG to write, or - for standard output")
            }
            return output
        }
    }

    /// `--format`, else the format the output's extension names; `--depth 16` makes PNG 16-bit.
    var resolvedFormat: RenditionFormat {
        get throws {
            let output = try output
            let named = output == "-" ? nil : OutputFormat(path: output)
            let chosen: RenditionFormat
            if let format {
                guard let parsed = RenditionFormat(name: format) else {
                    throw ValidationError("unknown format '\(format)': use png, png16 or jpeg")
                }
                if let named, named != Self.fileFormat(parsed) {
                    throw ValidationError(
                        "--format \(parsed.rawValue) does not match '\(output)': end it in "
                            + (parsed == .jpeg ? ".jpg or .jpeg" : ".png") + ", or change --format")
                }
                chosen = parsed
            } else if output == "-" {
                chosen = .png
            } else if let named {
                chosen = named == .jpeg ? .jpeg : .png
            } else {
                throw ValidationError(
                    "cannot tell the format of '\(output)': end it in .png, .jpg or .jpeg, or pass --format")
            }
            guard let deprecatedDepth else { return chosen }
            guard deprecatedDepth == 8 || deprecatedDepth == 16 else {
                throw ValidationError("--depth must be 8 or 16")
            }
            if chosen == .jpeg && deprecatedDepth == 16 {
                throw ValidationError("JPEG output is 8-bit; use PNG for --depth 16")
            }
            if chosen == .png16 && deprecatedDepth == 8 {
                throw ValidationError("--depth 8 contradicts --format png16")
            }
            return deprecatedDepth == 16 ? .png16 : chosen
        }
    }

    /// The file format a rendition is written in.
    static func fileFormat(_ format: RenditionFormat) -> OutputFormat { format == .jpeg ? .jpeg : .png }

    var voiFunction: VOIFunction? {
        get throws {
            guard let function else { return nil }
            switch function.lowercased() {
            case "linear": return .linear
            case "linear-exact", "linear_exact": return .linearExact
            case "sigmoid": return .sigmoid
            default: throw ValidationError("unknown function '\(function)': use linear, linear-exact or sigmoid")
            }
        }
    }

    func validate() throws {
        if deprecatedOutput != nil { Deprecation.note("--output", use: "-o/--out") }
        if let deprecatedDepth {
            Deprecation.note("--depth \(deprecatedDepth)", use: "--format " + (deprecatedDepth == 16 ? "png16" : "png"))
        }
        _ = try resolvedFormat
        _ = try voiFunction
        guard frame >= 1 else { throw ValidationError("--frame counts from 1") }
        if let threads, !(1...StripScheduler.maximumThreads).contains(threads) {
            throw ValidationError("--threads must be 1...\(StripScheduler.maximumThreads), not \(threads)")
        }
        guard (1...100).contains(quality) else { throw ValidationError("--quality must be 1...100") }
    }

    func run() throws {
        let format = try resolvedFormat
        var options = RenderOptions(
            frame: frame, function: try voiFunction, depth: format.depth,
            threads: threads ?? StripScheduler.defaultThreads)
        var preset: PipelinePreset?
        switch try pipeline.recipe {
        case .steps(let spec):
            options.filters = spec.filters
            options.window = spec.window
        case .preset(let chosen):
            preset = chosen
        }
        var job = RenderJob(
            input: file, output: try output, format: Self.fileFormat(format), options: options, quality: quality,
            limits: try limits.readLimits, preset: preset)
        job.pngCompression = pngCompression.compression
        do {
            let rendering = try job.run()
            for note in rendering.notes { StandardError.write("lucid: note: \(rendering.source): \(note)") }
        } catch {
            StandardError.write("lucid: \(error)")
            throw ProcessingFailure()
        }
    }
}
