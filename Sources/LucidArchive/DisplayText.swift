/// Text made safe for a terminal: header values and file names can hold escape sequences, and file
/// names need not be UTF-8.
public enum DisplayText {
    /// `bytes` as text: valid UTF-8 is kept, except control characters (U+0000 to U+001F, U+007F and
    /// U+0080 to U+009F), which become `\xHH` (their UTF-8 bytes); bytes that are not UTF-8 become
    /// `\xHH` each.
    public static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                text += hex(bytes[index])
                index += 1
                continue
            }
            let sequence = Array(bytes[index..<index + length])
            let decoded = String(decoding: sequence, as: UTF8.self)
            if let scalar = decoded.unicodeScalars.first, isControl(scalar) {
                text += sequence.map(hex).joined()
            } else {
                text += decoded
            }
            index += length
        }
        return text
    }

    /// `text` with its control characters as `\xHH` (see `escaped(_:)`).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return escaped(Array(text.utf8))
    }

    /// `bytes` as a String when they are valid UTF-8, else nil.
    static func utf8(_ bytes: [UInt8]) -> String? {
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 { return nil }
            index += length
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// The length of the well-formed UTF-8 sequence at `index` (1 to 4), or 0 when there is none.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let range = offset == 1 ? low...high : 0x80...0xBF
            guard range.contains(byte) else { return 0 }
        }
        return length
    }
}
