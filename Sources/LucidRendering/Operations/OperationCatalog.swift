import LucidImaging

/// An operation built by ``OperationCatalog``: a 16-bit filter, or windowing to 8-bit levels.
public enum CatalogOperation: Sendable {
    case filter(any ImageFilter)
    case window(WindowingOperation)

    /// The operation's report name.
    public var name: String {
        switch self {
        case .filter(let filter): return filter.name
        case .window(let window): return window.name
        }
    }

    /// The settings it was built with, defaults included (see ``ImageOperation/parameters``).
    public var parameters: [OperationParameter] {
        switch self {
        case .filter(let filter): return filter.parameters
        case .window(let window): return window.parameters
        }
    }
}

/// The one table of Lucid's image operations: from a name and the parameters a user gave (through
/// `--steps` as ``ProcessingStep`` values, or through `lucid bench` options as ``BenchParameters``),
/// the validated kernel, with every default filled in. The step executor and `lucid bench` both
/// build their operations here, so defaults and validation live in one place (the ranges in the
/// kernels' initialisers).
public enum OperationCatalog {
    /// Every operation name, in the order help texts list them.
    public static let names = ["window", "histeq", "clahe", "gaussian", "median", "bilateral", "nlm", "unsharp"]

    /// The default of every parameter of `operation` for data of `bitsStored` bits (1...16), by
    /// report name; empty for an unknown name. `window` centres a window of width `2^(bits-1)` on
    /// `2^(bits-1)` (the middle half of the range) with function LINEAR.
    public static func defaults(of operation: String, bitsStored: Int) -> [String: OperationValue] {
        switch operation {
        case "window":
            let half = Double(1 << (min(max(bitsStored, 1), 16) - 1))
            return ["center": .number(half), "width": .number(half), "function": .text(VOIFunction.linear.rawValue)]
        case "clahe": return ["clip": .number(2), "tiles": .text("8x8")]
        case "gaussian": return ["sigma": .number(1.5)]
        case "median": return ["kernel": .integer(3)]
        case "bilateral": return ["diameter": .integer(5), "sigma_space": .number(2), "sigma_color": .number(100)]
        case "nlm": return ["h": .number(30), "template": .integer(7), "search": .integer(21)]
        case "unsharp": return ["sigma": .number(2), "amount": .number(1)]
        default: return [:]
        }
    }

    /// The operation `name` with `arguments` (missing ones take their defaults) for data of
    /// `bitsStored` bits (1...16); `nil` for a name not in ``names``.
    /// - Throws: ``ImageOperationError`` for a value the operation rejects. Arguments the operation
    ///   does not use are ignored here; callers that must refuse them compare with
    ///   ``CatalogOperation/parameters``.
    public static func operation(named name: String, arguments: OperationArguments, bitsStored: Int)
        throws(ImageOperationError) -> CatalogOperation?
    {
        let reader = ArgumentReader(
            operation: name, arguments: arguments, defaults: defaults(of: name, bitsStored: bitsStored))
        switch name {
        case "window":
            return .window(try window(reader, bitsStored: bitsStored))
        case "histeq":
            return .filter(try HistogramEqualization(bitsStored: bitsStored))
        case "clahe":
            let (tilesX, tilesY) = try reader.size("tiles")
            return .filter(
                try CLAHE(clipLimit: try reader.number("clip"), tilesX: tilesX, tilesY: tilesY, bitsStored: bitsStored))
        case "gaussian":
            return .filter(try GaussianBlur(sigma: try reader.number("sigma")))
        case "median":
            return .filter(try MedianFilter(size: try reader.integer("kernel"), bitsStored: bitsStored))
        case "bilateral":
            return .filter(
                try BilateralFilter(
                    diameter: try reader.integer("diameter"), sigmaSpace: try reader.number("sigma_space"),
                    sigmaColor: try reader.number("sigma_color"), bitsStored: bitsStored))
        case "nlm":
            return .filter(
                try NonLocalMeans(
                    h: try reader.number("h"), templateSize: try reader.integer("template"),
                    searchSize: try reader.integer("search"), bitsStored: bitsStored))
        case "unsharp":
            return .filter(
                try UnsharpMask(
                    sigma: try reader.number("sigma"), amount: try reader.number("amount"), bitsStored: bitsStored))
        default:
            return nil
        }
    }

    /// The filter a step before the window stands for; `nil` for the window step.
    public static func filter(for step: ProcessingStep, bitsStored: Int) throws(ImageOperationError) -> (
        any ImageFilter
    )? {
        guard let (name, arguments) = step.catalogRequest,
            case .filter(let filter) = try operation(named: name, arguments: arguments, bitsStored: bitsStored)
        else { return nil }
        return filter
    }

    /// `window`: a window (PS3.3 C.11.2.1.2) over the stored values with an identity Modality LUT, so
    /// `center` and `width` are in sample units.
    private static func window(_ reader: ArgumentReader, bitsStored: Int) throws(ImageOperationError)
        -> WindowingOperation
    {
        let window = Window(
            center: try reader.number("center"), width: try reader.number("width"),
            function: try reader.voiFunction("function"))
        let pipeline = DisplayPipeline(
            encoding: StoredValueEncoding(bitsStored: bitsStored, isSigned: false), modality: .identity,
            voi: .window(window), invert: false)
        do throws(DisplayPipelineError) {
            return try WindowingOperation(pipeline: pipeline)
        } catch {
            guard window.center.isFinite else {
                throw reader.invalid("center", .number(window.center), "must be a finite number")
            }
            let rule = window.function == .linear ? "must be >= 1 for LINEAR" : "must be > 0 and finite"
            throw reader.invalid("width", .number(window.width), rule)
        }
    }
}
