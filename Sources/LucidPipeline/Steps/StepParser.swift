import LucidImaging

/// Parses one step of a `--steps` specification; positions in errors count from the start of the
/// whole specification.
struct StepParser {
    let text: String
    let step: String
    let offset: Int

    func fail(_ position: Int, _ message: String) -> StepsSyntaxError {
        StepsSyntaxError(text: text, position: offset + position, message: message)
    }

    func parse() throws(StepsSyntaxError) -> ProcessingStep {
        var parts = step.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var name = parts[0].lowercased()
        var argumentStart = parts.count > 1 ? name.count + 1 : name.count
        if name == "window" {
            let spec = parts.count > 1 ? parts[1] : ""
            do {
                return .window(try WindowSpec(parsing: spec))
            } catch {
                throw fail(argumentStart, error.reason)
            }
        }
        if name == "denoise" {
            guard parts.count > 1 else { throw fail(0, "denoise needs a method: median, gaussian, bilateral or nlm") }
            parts = parts[1].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            name = parts[0].lowercased()
            argumentStart += parts.count > 1 ? name.count + 1 : name.count
        }
        let arguments = try StepArguments(parts.count > 1 ? parts[1] : "", at: argumentStart, parser: self)
        switch name {
        case "median":
            let size = try arguments.integer("size", default: nil, positional: true)
            guard size >= 3, size <= 255, size % 2 == 1 else {
                throw fail(arguments.position(of: "size"), "the median size must be odd, 3...255")
            }
            try arguments.finish(["size"])
            return .median(size: size)
        case "gaussian", "blur":
            let sigma = try arguments.positive("sigma", default: nil, positional: true)
            try arguments.finish(["sigma"])
            return .gaussian(sigma: sigma)
        case "bilateral":
            let step = ProcessingStep.bilateral(
                diameter: try arguments.integer("diameter", default: 5, positional: true),
                sigmaSpace: try arguments.positive("sigma-space", default: 2),
                sigmaColor: try arguments.positive("sigma-color", default: 100))
            try arguments.finish(["diameter", "sigma-space", "sigma-color"])
            return step
        case "nlm":
            let step = ProcessingStep.nonLocalMeans(
                h: try arguments.positive("h", default: 30, positional: true),
                template: try arguments.integer("template", default: 7),
                search: try arguments.integer("search", default: 21))
            try arguments.finish(["h", "template", "search"])
            return step
        case "clahe":
            let clip = try arguments.positive("clip", default: 2, positional: true)
            let (tilesX, tilesY) = try arguments.tiles("tiles", default: (8, 8))
            try arguments.finish(["clip", "tiles"])
            return .clahe(clip: clip, tilesX: tilesX, tilesY: tilesY)
        case "equalize", "histeq":
            try arguments.finish([])
            return .equalize
        case "unsharp":
            let sigma = try arguments.positive("sigma", default: 2, positional: true)
            let amount = try arguments.number("amount", default: 1)
            guard amount >= 0 else { throw fail(arguments.position(of: "amount"), "amount must be >= 0") }
            try arguments.finish(["sigma", "amount"])
            return .unsharp(sigma: sigma, amount: amount)
        default:
            throw fail(
                0,
                "unknown step '\(name)'; steps are denoise:median|gaussian|bilateral|nlm, median, gaussian, "
                    + "bilateral, nlm, clahe, equalize, unsharp, window")
        }
    }
}
