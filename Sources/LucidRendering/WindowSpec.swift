import Foundation
import LucidImaging

/// Which VOI to apply, as `--window` spells it.
public enum WindowSpec: Sendable, Equatable, CustomStringConvertible {
    /// `file`: the VOI LUT Sequence's first item, else the file's first valid window, else the
    /// fallback. `file:N`: the file's N-th window (from 1), which must exist and be valid.
    case file(Int?)
    /// `lut:N`: the N-th item of the VOI LUT Sequence (from 1).
    case lookupTable(Int)
    /// `CENTER,WIDTH` in modality units (Hounsfield units for CT).
    case explicit(center: Double, width: Double)
    /// `minmax`: linear over the min...max of the frame's modality values, padding included.
    case minmax
    /// `auto`: Lucid's automatic window (padding excluded, 0.5th to 99.5th percentile).
    case automatic
    /// A named preset (`lung`, `mediastinum`, `bone`, `brain`, `abdomen`, ...).
    case preset(WindowPreset)

    public var description: String {
        switch self {
        case .file(nil): return "file"
        case .file(let index?): return "file:\(index)"
        case .lookupTable(let index): return "lut:\(index)"
        case .explicit(let center, let width): return "\(center),\(width)"
        case .minmax: return "minmax"
        case .automatic: return "auto"
        case .preset(let preset): return preset.name
        }
    }

    /// Parses a `--window` value; the error says what is accepted.
    public init(parsing text: String) throws(WindowSpecError) {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch value {
        case "file": self = .file(nil); return
        case "minmax": self = .minmax; return
        case "auto": self = .automatic; return
        default: break
        }
        if let preset = WindowPreset(name: value) ?? PipelinePreset(name: value)?.namedWindow {
            self = .preset(preset)
            return
        }
        for (prefix, make) in [("file:", { WindowSpec.file($0) }), ("lut:", { WindowSpec.lookupTable($0) })]
        where value.hasPrefix(prefix) {
            guard let index = Int(value.dropFirst(prefix.count)), index >= 1 else {
                throw WindowSpecError(text: text, reason: "'\(prefix)N' needs a whole number N from 1")
            }
            self = make(index)
            return
        }
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count == 2, let center = Double(parts[0].trimmingCharacters(in: .whitespaces)),
            let width = Double(parts[1].trimmingCharacters(in: .whitespaces))
        {
            guard center.isFinite, width.isFinite, width > 0 else {
                throw WindowSpecError(text: text, reason: "the width must be a positive number")
            }
            self = .explicit(center: center, width: width)
            return
        }
        throw WindowSpecError(
            text: text,
            reason: "expected " + WindowSpec.forms.map(\.syntax).joined(separator: ", ") + " ("
                + WindowPreset.allCases.map(\.name).joined(separator: ", ") + ")")
    }

    /// What `--window` accepts, in the order help texts list it: the syntax and its meaning.
    public static let forms: [(syntax: String, meaning: String)] = [
        ("file", "the VOI LUT Sequence's first item, else the file's first valid window, else auto (the default)"),
        ("file:N", "the file's N-th window, from 1"),
        ("lut:N", "the N-th item of the VOI LUT Sequence, from 1"),
        ("CENTER,WIDTH", "in modality units (HU for CT); the centre may be negative: -600,1500"),
        ("minmax", "linear over all modality values of the frame, padding included"),
        ("auto", "Lucid's automatic window: padding and the outer 0.5% at each end excluded"),
        ("NAME", "a named CT window, or the name of a CT preset for its window (ct-lung: lung)"),
    ]
}

/// A `--window` value that does not parse.
public struct WindowSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "invalid window '\(text)': \(reason)" }
}
