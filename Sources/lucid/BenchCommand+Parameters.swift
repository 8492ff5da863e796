import ArgumentParser
import LucidBench
import LucidImaging

/// The operation parameters of `lucid bench`; each applies to the operations its help names.
struct BenchParameterOptions: ParsableArguments {
    @Option(
        parsing: .unconditional, help: "window: Window Center, sample units (may be negative).",
        transform: SignedOptionValue.number)
    var center: Double?

    @Option(help: "window: Window Width, sample units.")
    var width: Double?

    @Option(help: "window: VOI LUT Function: linear, linear-exact or sigmoid.")
    var function: String?

    @Option(help: "clahe: clip limit (OpenCV's meaning).")
    var clip: Double?

    @Option(help: "clahe: tiles across and down, e.g. 8x8.")
    var tiles: String?

    @Option(help: "gaussian, unsharp: standard deviation in pixels.")
    var sigma: Double?

    @Option(help: "unsharp: amount of detail added back.")
    var amount: Double?

    @Option(help: "median: radius R, kernel 2R+1.")
    var radius: Int?

    @Option(help: "median: kernel size N (odd), instead of --radius.")
    var kernel: Int?

    @Option(help: "bilateral: neighbourhood diameter in pixels.")
    var diameter: Int?

    @Option(help: "bilateral: spatial standard deviation in pixels.")
    var sigmaSpace: Double?

    @Option(help: "bilateral: range standard deviation in grey levels.")
    var sigmaColor: Double?

    @Option(name: .customLong("h"), help: "nlm: filter strength in grey levels.")
    var strength: Double?

    @Option(help: "nlm: template (patch) size, odd.")
    var template: Int?

    @Option(help: "nlm: search window size, odd.")
    var search: Int?

    /// The options as ``BenchParameters``; ranges are checked by the operation itself.
    /// - Throws: `ValidationError` for text that does not parse or for both --radius and --kernel.
    func parsed() throws -> BenchParameters {
        var parameters = BenchParameters()
        parameters.center = center
        parameters.width = width
        parameters.function = try function.map(Self.voiFunction)
        parameters.clipLimit = clip
        if let tiles {
            let size = try BenchImageOptions.dimensions(tiles, option: "--tiles")
            parameters.tilesX = size.width
            parameters.tilesY = size.height
        }
        parameters.sigma = sigma
        parameters.amount = amount
        if radius != nil, kernel != nil { throw ValidationError("give --radius or --kernel, not both") }
        if let radius {
            guard (0...1000).contains(radius) else { throw ValidationError("--radius must be 0...1000") }
            parameters.kernelSize = 2 * radius + 1
        }
        if let kernel { parameters.kernelSize = kernel }
        parameters.diameter = diameter
        parameters.sigmaSpace = sigmaSpace
        parameters.sigmaColor = sigmaColor
        parameters.strength = strength
        parameters.templateSize = template
        parameters.searchSize = search
        return parameters
    }

    static func voiFunction(_ text: String) throws -> VOIFunction {
        switch text.lowercased() {
        case "linear": return .linear
        case "linear-exact", "linear_exact": return .linearExact
        case "sigmoid": return .sigmoid
        default: throw ValidationError("unknown function '\(text)': use linear, linear-exact or sigmoid")
        }
    }
}
