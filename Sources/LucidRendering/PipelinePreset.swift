import LucidDICOM
import LucidImaging

/// A named, documented processing pipeline for `lucid process --preset NAME`.
///
/// Each preset is a `--steps` specification. The CT windows are `WindowPreset`'s values (Radiopaedia,
/// "Windowing (CT)"); the filter choices are Lucid's, with the reasoning given in `source`.
/// `auto` is not a pipeline of its own: it picks one of the others per file (see `AutoPreset`).
public enum PipelinePreset: String, Sendable, CaseIterable {
    case chestXray = "chest-xray"
    case ctLung = "ct-lung"
    case ctMediastinum = "ct-mediastinum"
    case ctBone = "ct-bone"
    case ctBrain = "ct-brain"
    case mammo
    case mrDefault = "mr-default"
    /// The file's own VOI (VOI LUT, else first valid window), else the automatic window; no filters.
    case fileWindow = "file-window"
    /// Chooses per file from Modality, Body Part Examined and the file's windows.
    case auto

    /// The name on the command line.
    public var name: String { rawValue }

    /// Parses a preset name (case-insensitive; `_` and `-` interchangeable). Nil when unknown.
    public init?(name: String) {
        let normalized = String(name.trimmingCharacters(in: " ").lowercased().map { $0 == "_" ? "-" : $0 })
        self.init(rawValue: normalized)
    }

    /// The pipeline in `--steps` syntax; for `auto`, a description of the rule.
    public var stepsText: String {
        switch self {
        case .chestXray: "denoise:median:3 | clahe:clip=2,tiles=8x8 | unsharp:sigma=1.5,amount=0.6 | window:file"
        case .ctLung: "window:lung"
        case .ctMediastinum: "window:mediastinum"
        case .ctBone: "window:bone"
        case .ctBrain: "denoise:bilateral:diameter=5,sigma-space=1.5,sigma-color=8 | window:brain"
        case .mammo: "window:file"
        case .mrDefault: "window:file"
        case .fileWindow: "window:file"
        case .auto: "per file: " + AutoPreset.ruleSummary
        }
    }

    /// The parsed pipeline; nil for `auto`, which has none until a file is seen.
    public var steps: StepsSpec? {
        guard self != .auto else { return nil }
        // The texts above are fixed and covered by tests; a parse failure is a programming error.
        return try? StepsSpec(parsing: stepsText)
    }

    /// Where the values come from.
    public var source: String {
        switch self {
        case .chestXray:
            return "Lucid's choice for CR/DX chest radiographs: a 3x3 median removes isolated quantum-noise "
                + "spikes without moving edges; CLAHE with clip 2 and an 8x8 grid (Zuiderveld, \"Contrast "
                + "Limited Adaptive Histogram Equalization\", Graphics Gems IV, 1994; the parameters of OpenCV's "
                + "CLAHE tutorial) evens out lung fields and mediastinum; a mild unsharp mask (sigma 1.5 px, "
                + "amount 0.6) restores edge contrast; the window is the one the modality supplied (file)"
        case .ctLung, .ctMediastinum, .ctBone:
            return "CT window from Radiopaedia, \"Windowing (CT)\" (\(windowDescription)); no filtering, "
                + "so Hounsfield values are shown as acquired"
        case .ctBrain:
            return "CT window from Radiopaedia, \"Windowing (CT)\" (\(windowDescription)); before it, Lucid's "
                + "light edge-preserving bilateral filter: sigma-color 8 (HU when the rescale slope is 1), about "
                + "twice the 3-6 HU noise of routine head CT, so bone, blood and CSF edges stay sharp"
        case .mammo:
            return "the vendor's VOI (VOI LUT or window, e.g. SIGMOID), as IHE Mammography Image (MAMMO) "
                + "requires displays to apply; no filtering, which could hide or mimic calcifications"
        case .mrDefault:
            return "MR values have no absolute scale, so no fixed window exists: the scanner's window, else "
                + "Lucid's automatic window (0.5th to 99.5th percentile, padding excluded)"
        case .fileWindow:
            return "the file's own VOI (PS3.3 C.11.2), else Lucid's automatic window"
        case .auto:
            return "Lucid's rule, per file, from Modality (0008,0060) and Body Part Examined (0018,0015) "
                + "(the steps above); the chosen preset's pipeline and name are recorded with each output"
        }
    }

    /// The named CT window the pipeline ends in (`lung` for `ct-lung`); nil when it uses another VOI.
    public var namedWindow: WindowPreset? {
        guard case .preset(let preset)? = steps?.window else { return nil }
        return preset
    }

    /// The one preset ending in the CT window `window` (`ct-brain` for `brain`); nil when none or
    /// several do, so a window name stands for a preset only where that is unambiguous.
    public static func ending(in window: WindowPreset) -> PipelinePreset? {
        let matches = allCases.filter { $0.namedWindow == window }
        return matches.count == 1 ? matches.first : nil
    }

    /// The preset itself, or for `auto` the preset its rule chooses for `dataSet` (nil: no attributes).
    public func chosen(for dataSet: DataSet?) -> PipelinePreset {
        guard self == .auto else { return self }
        return dataSet.map { AutoPreset.choose(for: $0) } ?? AutoPreset.choose(modality: nil, bodyPart: nil)
    }

    /// The name recorded with an output: `ct-lung`, or `auto: ct-lung` when `auto` chose it.
    public func label(choosing chosen: PipelinePreset) -> String {
        self == .auto ? "auto: \(chosen.name)" : name
    }

    private var windowDescription: String {
        guard let preset = namedWindow else { return "" }
        return "\(preset.name): center \(Int(preset.center)) HU, width \(Int(preset.width)) HU"
    }
}
