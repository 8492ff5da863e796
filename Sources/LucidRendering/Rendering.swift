import LucidFiles
import LucidImaging

/// A rendered frame and how it was made.
public struct Rendering: Sendable {
    /// The 8-bit rendering (depth 8).
    public var image8: GrayImage<UInt8>?
    /// The 16-bit rendering (depth 16).
    public var image16: GrayImage<UInt16>?
    /// The 8-bit RGB rendering of a colour image (depth 8).
    public var color8: ColorImage<UInt8>?
    /// The 16-bit RGB rendering of a colour image (depth 16).
    public var color16: ColorImage<UInt16>?
    /// The source file.
    public var source: String
    /// Frame number, from 1, and the number of frames.
    public var frame: Int
    public var frameCount: Int
    /// The VOI actually applied.
    public var voi: VOITransform
    /// A readable statement of the VOI applied, e.g. `window 1 of file: center 40 width 400 LINEAR "BRAIN"`.
    public var windowDescription: String
    /// The Modality LUT stage applied, readable.
    public var modalityDescription: String
    /// Whether the output was inverted for MONOCHROME1.
    public var inverted: Bool
    /// Things the user should know (an invalid window skipped, a fallback taken).
    public var notes: [String]
    /// The recipe in `--steps` syntax: the filters applied, then the window requested.
    public var steps: String
    /// The preset that chose the steps (`ct-lung`, `auto: ct-lung`); nil when none was named.
    public var preset: String? = nil

    public var width: Int { image8?.width ?? image16?.width ?? color8?.width ?? color16?.width ?? 0 }
    public var height: Int { image8?.height ?? image16?.height ?? color8?.height ?? color16?.height ?? 0 }

    /// Whether this is the RGB rendering of a colour image.
    public var isColor: Bool { color8 != nil || color16 != nil }

    /// Key/value pairs recorded in output files (PNG text chunks), so a rendering says how it was made.
    public var provenance: [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = [
            ("Software", "Lucid \(LucidVersion.current)"),
            ("Source", FileSystemName.displayed(source)),
            ("Frame", "\(frame) of \(frameCount)"),
        ]
        if let preset { pairs.append(("Preset", preset)) }
        pairs += [
            ("Steps", steps),
            ("Window", windowDescription),
            ("Modality LUT", modalityDescription),
            ("Inverted", inverted ? "yes (MONOCHROME1)" : "no"),
        ]
        if !notes.isEmpty { pairs.append(("Notes", notes.joined(separator: "; "))) }
        return pairs
    }
}
