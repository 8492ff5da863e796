import ArgumentParser
import Foundation
import LucidDICOM
import LucidImaging
import LucidRendering

/// `lucid render FILE -o OUT`: one frame through Modality LUT, VOI and MONOCHROME1 inversion to PNG or JPEG.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one frame of a DICOM file to PNG or JPEG, windowed as the standard says.",
        discussion: """
            --window accepts: file (default: the VOI LUT Sequence's first item, else the first valid window, \
            else auto), file:N (the N-th window, from 1), lut:N (the N-th VOI LUT), CENTER,WIDTH in modality \
            units (HU for CT), minmax (linear over all modality values), auto (padding and the outer 0.5% \
            excluded), or a preset: \(WindowPreset.allCases.map(\.name).joined(separator: ", ")) \
            (values from Radiopaedia, "Windowing (CT)"; see `lucid render --help`).

            The output is written to a temporary name and renamed, so a failed render leaves no file. PNG \
            outputs carry text chunks saying the source, frame, window and Modality LUT used.
            Exit status: 0 rendered, 1 the file could not be rendered, 2 bad usage.
            """)

    @Argument(help: "The DICOM file, or - for standard input.")
    var file: String

    @Option(
        name: [.customShort("o"), .long], help: "Output path ending in .png, .jpg or .jpeg, or - for standard output.")
    var output: String

    @Option(help: "Frame number, from 1.")
    var frame = 1

    @Option(help: "Window: file (default), file:N, lut:N, CENTER,WIDTH, minmax, auto, or a preset name.")
    var window: String?

    @Option(
        help: """
            Operations before the window, e.g. "denoise:median:3 | clahe:clip=2,tiles=8x8 | unsharp:sigma=1.5,amount=0.6 | window:file".
            """)
    var steps: String?

    @Option(help: "Threads for the image operations (default: all cores).")
    var threads = StripScheduler.defaultThreads

    @Option(help: "VOI LUT Function overriding the window's: linear, linear-exact or sigmoid.")
    var function: String?

    @Option(help: "Output bits per pixel: 8, or 16 (PNG only).")
    var depth = 8

    @Option(help: "JPEG quality, 1...100.")
    var quality = 95

    @Option(help: "Output format, png or jpeg; needed with -o - unless png is wanted.")
    var format: String?

    @OptionGroup var limits: LimitOptions

    var resolvedFormat: OutputFormat {
        get throws {
            if let format {
                guard let parsed = OutputFormat(name: format) else {
                    throw ValidationError("unknown format '\(format)': use png or jpeg")
                }
                return parsed
            }
            if output == "-" { return .png }
            guard let inferred = OutputFormat(path: output) else {
                throw ValidationError(
                    "cannot tell the format of '\(output)': end it in .png, .jpg or .jpeg, or pass --format")
            }
            return inferred
        }
    }

    var stepsSpec: StepsSpec {
        get throws {
            guard let steps else { return StepsSpec(steps: []) }
            do {
                return try StepsSpec(parsing: steps)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    var windowSpec: WindowSpec {
        get throws {
            let spec = try stepsSpec
            guard let window else { return spec.window }
            if spec.namesWindow {
                throw ValidationError("give the window either with --window or as the last step of --steps")
            }
            do {
                return try WindowSpec(parsing: window)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

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
        let format = try resolvedFormat
        _ = try windowSpec
        _ = try voiFunction
        guard frame >= 1 else { throw ValidationError("--frame counts from 1") }
        guard (1...StripScheduler.maximumThreads).contains(threads) else {
            throw ValidationError("--threads must be 1...\(StripScheduler.maximumThreads), not \(threads)")
        }
        guard depth == 8 || depth == 16 else { throw ValidationError("--depth must be 8 or 16") }
        if format == .jpeg && depth == 16 { throw ValidationError("JPEG output is 8-bit; use PNG for --depth 16") }
        guard (1...100).contains(quality) else { throw ValidationError("--quality must be 1...100") }
    }

    func run() throws {
        let options = RenderOptions(
            frame: frame, window: try windowSpec, function: try voiFunction, depth: depth,
            filters: try stepsSpec.filters, threads: threads)
        let job = RenderJob(
            input: file, output: output, format: try resolvedFormat, options: options, quality: quality,
            limits: try limits.readLimits)
        do {
            let rendering = try job.run()
            for note in rendering.notes { StandardError.write("lucid: note: \(rendering.source): \(note)") }
        } catch {
            StandardError.write("lucid: \(error)")
            throw ProcessingFailure()
        }
    }
}
