import LucidFiles

/// Text made safe inside an HTML page (HTML Living Standard §13.1.2.6 and §13.1.2.3): control
/// characters and bytes of names that are not UTF-8 shown as `TerminalText` shows them (`\x1b`,
/// `latin\xe9.dcm`), then `&`, `<`, `>`, `"` and `'` written as character references, so a value
/// is text both in element content and in a quoted attribute, never markup.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in TerminalText.escaped(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A DICOM Person Name (PS3.5 §6.2) for reading: the components joined by spaces
    /// (`DOE^JOHN` → `DOE JOHN`), escaped.
    static func personName(_ name: String) -> String {
        escaped(name.split(separator: "^", omittingEmptySubsequences: true).joined(separator: " "))
    }

    /// A DICOM date `YYYYMMDD` as `YYYY-MM-DD`; other text as it is, escaped.
    static func date(_ text: String) -> String {
        guard text.count == 8, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return escaped(text) }
        let characters = Array(text)
        return String(characters[0..<4]) + "-" + String(characters[4..<6]) + "-" + String(characters[6..<8])
    }
}
