import LucidImaging
import LucidRendering

/// `lucid help windows|presets|steps`: the vocabulary of `--window`, `--preset` and `--steps`,
/// written from the tables the parsers use (`WindowSpec.forms`, `WindowPreset`, `PipelinePreset`,
/// `StepsSpec.forms` with `OperationCatalog`'s defaults), so the help cannot drift from them.
enum HelpTopic: String, CaseIterable {
    case windows
    case presets
    case steps

    /// The topic's text, lines ending in a line break.
    var text: String {
        switch self {
        case .windows: return Self.windowsText
        case .presets: return Self.presetsText
        case .steps: return Self.stepsText
        }
    }

    private static var windowsText: String {
        var lines = [
            "Windows: --window SPEC in `lucid render` and `lucid process`, or window:SPEC as the last of --steps.", "",
        ]
        lines += table(WindowSpec.forms.map { ($0.syntax, $0.meaning) })
        lines += ["", "Named CT windows, in HU (Radiopaedia, \"Windowing (CT)\"):"]
        lines += table(
            WindowPreset.allCases.map { window in
                (window.name, "center \(number(window.center)), width \(number(window.width))")
            })
        lines += ["", "CT presets standing for their window:"]
        lines += table(
            PipelinePreset.allCases.compactMap { preset in preset.namedWindow.map { (preset.name, $0.name) } })
        return lines.joined(separator: "\n") + "\n"
    }

    private static var presetsText: String {
        var lines = [
            "Presets: --preset NAME in `lucid render` and `lucid process` (also `lucid presets [--json]`).", "",
        ]
        lines += presetListing()
        lines += ["", "A CT window's name stands for the preset ending in it, else for that window alone:"]
        lines += table(
            WindowPreset.allCases.map { window in
                (window.name, PipelinePreset.ending(in: window)?.name ?? "window:\(window.name)")
            })
        return lines.joined(separator: "\n") + "\n"
    }

    private static var stepsText: String {
        var lines = [
            "Steps: --steps \"STEP | STEP | ...\" in `lucid render` and `lucid process`: filters on the stored",
            "samples in order, then the window (default window:file). A single value stands for the first parameter.",
            "",
        ]
        for form in StepsSpec.forms {
            lines.append("  " + form.syntax)
            lines.append("      " + form.meaning)
            if let defaults = form.defaults { lines.append("      defaults: " + defaults) }
        }
        lines += ["", "Example: \(PipelinePreset.chestXray.stepsText)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every preset: its name, steps and source, as `lucid presets` prints them.
    static func presetListing() -> [String] {
        PipelinePreset.allCases.flatMap { preset in
            [preset.name, "  steps:  \(preset.stepsText)", "  source: \(preset.source)"]
        }
    }

    /// Two columns, the first padded to the widest entry.
    private static func table(_ rows: [(String, String)]) -> [String] {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { name, meaning in
            "  " + name + String(repeating: " ", count: width - name.count + 2) + meaning
        }
    }

    /// A whole number without a fraction.
    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
