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
        ("median", "denoise:median:N, median:N", "median filter of N x N pixels, N odd, 3...255 (required)"),
        ("gaussian", "denoise:gaussian:S, gaussian:sigma=S", "Gaussian blur, sigma S in pixels (required)"),
        (
            "bilateral", "denoise:bilateral:diameter=D,sigma-space=S,sigma-color=C",
            "edge-preserving bilateral filter: diameter and sigma-space in pixels, sigma-color in sample units"
        ),
        (
            "nlm", "denoise:nlm:h=H,template=T,search=W",
            "non-local means: strength H in sample units, template and search window sizes odd"
        ),
        (
            "clahe", "clahe:clip=C,tiles=XxY",
            "contrast-limited adaptive histogram equalisation, OpenCV's clip limit, a tile grid"
        ),
        ("equalize", "equalize, histeq", "global histogram equalisation"),
        ("unsharp", "unsharp:sigma=S,amount=A", "unsharp mask: Gaussian sigma S in pixels, amount A >= 0 added back"),
        ("window", "window:SPEC", "the VOI, last: any --window value (see `lucid help windows`); default window:file"),
    ].map { name, syntax, meaning in StepForm(name: name, syntax: syntax, meaning: meaning) }
}
