/// One step of the `--steps` syntax as help texts show it.
public struct StepForm: Sendable {
    /// The step's name as written first (`median`, `clahe`, `window`).
    public let name: String
    /// The syntax, e.g. `denoise:median:N` (also `median:N`).
    public let syntax: String
    /// What it does and what its arguments mean, with their units and ranges.
    public let meaning: String

    /// The step written with every parameter at its default (``OperationCatalog``'s), as a recipe
    /// records it; nil when a parameter has no default and must be given, or when there are none.
    public var defaults: String? {
        guard name != "window", let spec = try? StepsSpec(parsing: name) else { return nil }
        guard let written = spec.filters.first?.description, written != name else { return nil }
        return written
    }
}

extension StepsSpec {
    /// Every step the syntax knows, in the order help texts list them.
    public static let forms: [StepForm] = [
        StepForm(
            name: "median", syntax: "denoise:median:N, median:N",
            meaning: "median filter of N x N pixels, N odd, 3...255 (required)"),
        StepForm(
            name: "gaussian", syntax: "denoise:gaussian:S, gaussian:sigma=S",
            meaning: "Gaussian blur, sigma S in pixels (required)"),
        StepForm(
            name: "bilateral", syntax: "denoise:bilateral:diameter=D,sigma-space=S,sigma-color=C",
            meaning: "edge-preserving bilateral filter: diameter and sigma-space in pixels, sigma-color in sample units"
        ),
        StepForm(
            name: "nlm", syntax: "denoise:nlm:h=H,template=T,search=W",
            meaning: "non-local means: strength H in sample units, template and search window sizes odd"),
        StepForm(
            name: "clahe", syntax: "clahe:clip=C,tiles=XxY",
            meaning: "contrast-limited adaptive histogram equalisation, OpenCV's clip limit, a tile grid"),
        StepForm(name: "equalize", syntax: "equalize, histeq", meaning: "global histogram equalisation"),
        StepForm(
            name: "unsharp", syntax: "unsharp:sigma=S,amount=A",
            meaning: "unsharp mask: Gaussian sigma S in pixels, amount A >= 0 of detail added back"),
        StepForm(
            name: "window", syntax: "window:SPEC",
            meaning: "the VOI, last: any --window value (see `lucid help windows`); default window:file"),
    ]
}
