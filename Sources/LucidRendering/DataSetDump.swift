import LucidDICOM
import LucidFiles

/// `lucid dump`'s text: every element of a file, File Meta Information first, one line each:
///
///     (0028,0030) DS      18 PixelSpacing = [0.661468\0.661468]
///
/// the tag, the VR, the value length in bytes (`u/l` for undefined length), the PS3.6 keyword
/// (`PrivateCreator`, `Private` or `Unknown` when there is none), and the value: text as read in
/// brackets, binary numbers decoded and separated by `\`, other binary values as their leading
/// bytes in hex, Pixel Data as its length (and fragments when encapsulated), a sequence as its
/// item count followed by its items, indented. Values longer than `valueLimit` characters (or
/// numbers, or bytes) are cut and end with `...` and their full size. Every line is escaped
/// (`TerminalText`).
public struct DataSetDump: Sendable {
    /// Most characters of text, numbers or bytes shown of one value before it is cut; nil shows
    /// values whole. Default 64, as a terminal line holds.
    public var valueLimit: Int?

    public init(valueLimit: Int? = 64) {
        self.valueLimit = valueLimit
    }

    /// The lines for `file`: a heading naming it and its encoding, then its elements.
    public func lines(for file: DICOMFile) -> [String] {
        var lines = ["# " + file.source]
        if let meta = file.fileMeta {
            lines.append("# File Meta Information" + (file.hasPreamble ? " (after the 128-byte preamble)" : ""))
            lines += elementLines(meta, depth: 0)
        } else {
            lines.append("# no File Meta Information")
        }
        let syntax = file.transferSyntax
        lines.append(
            "# Data set: \(syntax.uid) (\(syntax.name))" + (file.isTransferSyntaxInferred ? ", inferred" : ""))
        lines += elementLines(file.dataSet, depth: 0)
        return lines.map(TerminalText.escaped)
    }

    private func elementLines(_ dataSet: DataSet, depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth * 2)
        var lines: [String] = []
        for element in dataSet.elements {
            let vr = dataSet.displayVR(of: element)
            let length = element.hasUndefinedLength ? "u/l" : String(element.length)
            let head = "\(indent)\(element.tag) \(vr.rawValue) \(pad(length, to: 7)) \(Self.keyword(element.tag)) = "
            let value = dataSet.value(of: element)
            lines.append(head + describe(value, of: element, vr: vr))
            guard case .items(let items) = value else { continue }
            for (number, item) in items.enumerated() {
                lines.append("\(indent)  \(DICOMTag.item) item \(number + 1)")
                lines += elementLines(item, depth: depth + 1)
            }
        }
        return lines
    }

    /// The keyword PS3.6 gives the tag, else `Private` (odd group) or `Unknown`.
    static func keyword(_ tag: DICOMTag) -> String {
        StandardDictionary.entry(for: tag)?.keyword ?? (tag.isPrivate ? "Private" : "Unknown")
    }

    private func describe(_ value: ElementValue, of element: DataElement, vr: ValueRepresentation) -> String {
        let truncation = element.isTruncated ? ", truncated: the file ends inside it" : ""
        switch value {
        case .items(let items):
            return items.count == 1 ? "1 item" : "\(items.count) items"
        case .fragments(let fragments):
            let table = fragments.first.map { "offset table \($0.length) bytes, " } ?? ""
            let count = max(0, fragments.count - 1)
            let bytes = fragments.dropFirst().reduce(0) { $0 + $1.length }
            return "encapsulated: \(table)\(count) fragment\(count == 1 ? "" : "s"), \(bytes) bytes\(truncation)"
        case .bytes(let bytes) where element.tag.group == 0x7FE0:
            return "\(bytes.count) bytes\(truncation)"
        case .bytes(let bytes):
            if bytes.isEmpty { return "(no value)" }
            let shown = bytes.prefix(valueLimit.map { $0 / 3 } ?? bytes.count)
            let hex = shown.map(TerminalText.hex).joined(separator: " ")
            return shown.count < bytes.count ? "\(hex) ... (\(bytes.count) bytes)" : hex
        case .text(let values):
            if values.isEmpty { return "(no value)" }
            let text = values.joined(separator: "\\")
            guard let limit = valueLimit, text.count > limit else { return "[\(text)]" }
            return "[\(text.prefix(limit))]... (\(text.count) characters)"
        case .integers(let values): return numbers(values.map { String($0) })
        case .unsignedIntegers(let values): return numbers(values.map { String($0) })
        case .reals(let values): return numbers(values.map { vr == .FL ? "\(Float($0))" : "\($0)" })
        case .tags(let values): return numbers(values.map(\.description))
        }
    }

    private func numbers(_ values: [String]) -> String {
        if values.isEmpty { return "(no value)" }
        var shown: [String] = []
        var characters = 0
        for value in values {
            if let valueLimit, characters + value.count > valueLimit, !shown.isEmpty { break }
            shown.append(value)
            characters += value.count + 1
        }
        let text = shown.joined(separator: "\\")
        return shown.count < values.count ? "\(text)\\... (\(values.count) values)" : text
    }

    private func pad(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
