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
        // Parameters a step may leave out take the catalog's defaults (median and gaussian have none
        // in the step syntax: their size and sigma must be given).
        let defaults = StepDefaults(operation: name)
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
                diameter: try arguments.integer("diameter", default: defaults.integer("diameter"), positional: true),
                sigmaSpace: try arguments.positive("sigma-space", default: defaults.number("sigma_space")),
                sigmaColor: try arguments.positive("sigma-color", default: defaults.number("sigma_color")))
            try arguments.finish(["diameter", "sigma-space", "sigma-color"])
            return step
        case "nlm":
            let step = ProcessingStep.nonLocalMeans(
                h: try arguments.positive("h", default: defaults.number("h"), positional: true),
                template: try arguments.integer("template", default: defaults.integer("template")),
                search: try arguments.integer("search", default: defaults.integer("search")))
            try arguments.finish(["h", "template", "search"])
            return step
        case "clahe":
            let clip = try arguments.positive("clip", default: defaults.number("clip"), positional: true)
            let (tilesX, tilesY) = try arguments.tiles("tiles", default: defaults.tiles("tiles"))
            try arguments.finish(["clip", "tiles"])
            return .clahe(clip: clip, tilesX: tilesX, tilesY: tilesY)
        case "equalize", "histeq":
            try arguments.finish([])
            return .equalize
        case "unsharp":
            let sigma = try arguments.positive("sigma", default: defaults.number("sigma"), positional: true)
            let amount = try arguments.number("amount", default: defaults.number("amount"))
            guard amount >= 0 else { throw fail(arguments.position(of: "amount"), "amount must be >= 0") }
            try arguments.finish(["sigma", "amount"])
            return .unsharp(sigma: sigma, amount: amount)
        default:
            throw fail(
                0,
                "unknown step '\(name)'; steps are denoise:median|gaussian|bilateral|nlm, "
                    + StepsSpec.forms.map(\.name).joined(separator: ", "))
        }
    }
}

/// The catalog's defaults of one operation, typed for the step parser. Operation names are the
/// catalog's (`nlm`, `clahe`, ...); a step name that differs (`equalize`) has no parameters.
private struct StepDefaults {
    let values: [String: OperationValue]

    init(operation: String) {
        // The defaults do not depend on the bit depth except the window's, which steps do not use.
        values = OperationCatalog.defaults(of: operation, bitsStored: 16)
    }

    func number(_ name: String) -> Double? {
        switch values[name] {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    func integer(_ name: String) -> Int? {
        if case .integer(let value) = values[name] { return value }
        return nil
    }

    func tiles(_ name: String) -> (Int, Int)? {
        let parts = (values[name]?.description ?? "").split(separator: "x").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
}
