/// Named CT windows in Hounsfield units (LINEAR, PS3.3 C.11.2.1.2.1).
///
/// Viewers disagree on preset values (dwv, 3D Slicer, OsiriX and Orthanc Stone each ship their own),
/// so every preset here comes from one source, the commonly cited textbook values collected in
/// Radiopaedia, "Windowing (CT)" (https://radiopaedia.org/articles/windowing-ct), given there as
/// "W:width L:level". Where that article gives a range, the preset's comment says which value is used.
/// These values only make sense for images whose modality values are HU (CT).
public enum WindowPreset: String, Sendable, CaseIterable {
    /// Lungs: center -600 HU, width 1500 HU (Radiopaedia "Windowing (CT)": lungs W:1500 L:-600).
    case lung
    /// Mediastinum: center 50 HU, width 350 HU (Radiopaedia "Windowing (CT)": mediastinum W:350 L:50).
    case mediastinum
    /// Bone: center 400 HU, width 1800 HU (Radiopaedia "Windowing (CT)": bones W:1800 L:400).
    case bone
    /// Brain: center 40 HU, width 80 HU (Radiopaedia "Windowing (CT)": brain W:80 L:40).
    case brain
    /// Abdominal soft tissues: center 50 HU, width 400 HU (Radiopaedia "Windowing (CT)":
    /// soft tissues W:400 L:50).
    case abdomen
    /// Liver: center 30 HU, width 150 HU (Radiopaedia "Windowing (CT)": liver W:150 L:30).
    case liver
    /// Stroke (early ischaemia): center 40 HU, width 40 HU (Radiopaedia "Windowing (CT)" gives
    /// W:8 L:32 or W:40 L:40; the wider, more widely used W:40 L:40 is used).
    case stroke
    /// Subdural: center 75 HU, width 215 HU (Radiopaedia "Windowing (CT)" gives W:130-300 L:50-100;
    /// the midpoints of both ranges are used).
    case subdural
    /// Temporal bones: center 600 HU, width 2800 HU (Radiopaedia "Windowing (CT)": temporal bones
    /// W:2800 L:600).
    case temporalBone = "temporal-bone"

    /// Parses a preset name as listed by ``name`` (case-insensitive, surrounding spaces ignored;
    /// `_` and `-` are interchangeable, so `temporal_bone` also works). Nil when unknown.
    public init?(name: String) {
        let words = name.lowercased().split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 1 else { return nil }
        let normalized = String(words[0].map { $0 == "_" ? "-" : $0 })
        self.init(rawValue: normalized)
    }

    /// The name used on the command line and in listings (lower case, e.g. `lung`, `temporal-bone`).
    public var name: String { rawValue }

    /// Window Center in HU.
    public var center: Double {
        switch self {
        case .lung: -600
        case .mediastinum: 50
        case .bone: 400
        case .brain: 40
        case .abdomen: 50
        case .liver: 30
        case .stroke: 40
        case .subdural: 75
        case .temporalBone: 600
        }
    }

    /// Window Width in HU.
    public var width: Double {
        switch self {
        case .lung: 1500
        case .mediastinum: 350
        case .bone: 1800
        case .brain: 80
        case .abdomen: 400
        case .liver: 150
        case .stroke: 40
        case .subdural: 215
        case .temporalBone: 2800
        }
    }

    /// The preset as a LINEAR window whose explanation is the preset name in upper case
    /// (for example `LUNG`), like a Window Center & Width Explanation (0028,1055).
    public var window: Window {
        Window(center: center, width: width, function: .linear, explanation: rawValue.uppercased())
    }
}
