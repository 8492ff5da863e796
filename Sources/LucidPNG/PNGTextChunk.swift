import LucidCodecs

/// One PNG text chunk: a keyword and its text, e.g. `("Source", "CT-0001.dcm, frame 3")`.
///
/// Written as `tEXt` when every character of `text` is Latin-1 (U+0001...U+00FF), otherwise
/// as uncompressed `iTXt` (UTF-8, no language tag). Decoding reads `tEXt`, `zTXt` and `iTXt`.
public struct PNGTextChunk: Sendable, Equatable, Hashable {
    /// 1-79 printable Latin-1 characters (U+0020...U+007E, U+00A1...U+00FF), with no leading,
    /// trailing or consecutive spaces, as the PNG specification requires.
    public var keyword: String
    /// Any text without U+0000; may contain line feeds.
    public var text: String

    public init(keyword: String, text: String) {
        self.keyword = keyword
        self.text = text
    }

    /// Whether `keyword` satisfies the PNG keyword rules stated on `keyword`.
    public static func isValidKeyword(_ keyword: String) -> Bool {
        let scalars = Array(keyword.unicodeScalars)
        guard (1...79).contains(scalars.count), scalars.first != " ", scalars.last != " " else {
            return false
        }
        var previousWasSpace = false
        for scalar in scalars {
            let value = scalar.value
            guard (0x20...0x7E).contains(value) || (0xA1...0xFF).contains(value) else { return false }
            if value == 0x20 && previousWasSpace { return false }
            previousWasSpace = value == 0x20
        }
        return true
    }
}

/// A text chunk checked and converted to the NUL-terminated bytes the C encoder takes.
struct EncodedPNGText {
    /// Latin-1 keyword bytes, NUL-terminated.
    let keyword: [UInt8]
    /// Latin-1 bytes (tEXt) or UTF-8 bytes (iTXt), NUL-terminated.
    let text: [UInt8]
    /// `true` when the text needs iTXt.
    let international: Bool

    init(_ chunk: PNGTextChunk) throws(CodecError) {
        guard PNGTextChunk.isValidKeyword(chunk.keyword) else {
            throw .invalidTextKeyword(chunk.keyword)
        }
        let scalars = chunk.text.unicodeScalars
        guard !scalars.contains("\u{0}") else { throw .invalidTextValue(keyword: chunk.keyword) }
        keyword = chunk.keyword.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } + [0]
        international = scalars.contains { $0.value > 0xFF }
        if international {
            text = Array(chunk.text.utf8) + [0]
        } else {
            text = scalars.map { UInt8(truncatingIfNeeded: $0.value) } + [0]
        }
    }
}

extension PNGTextChunk {
    /// Builds a chunk from the bytes libpng read: keyword in Latin-1, text in Latin-1 or UTF-8.
    init(keywordLatin1: [UInt8], textBytes: [UInt8], textIsUTF8: Bool) {
        keyword = Self.latin1String(keywordLatin1)
        text = textIsUTF8 ? String(decoding: textBytes, as: UTF8.self) : Self.latin1String(textBytes)
    }

    private static func latin1String(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(scalars)
    }
}
