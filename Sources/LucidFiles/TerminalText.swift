/// Text made safe to print: no file name or header value reaches a terminal raw.
///
/// A Patient Name can hold an escape sequence (ESC `[2J` clears the screen, others retitle the
/// window or worse) and a file name can hold any byte but `/` and NUL. Every human-readable line
/// Lucid prints goes through `escaped(_:)`, which shows
///
/// - a byte of a file name that is not UTF-8 (a `FileSystemName` escape) as `\x` and two lowercase
///   hex digits: `latin\xe9.dcm`;
/// - the C0 controls U+0000...U+001F (TAB, CR and LF included: inside a value they are data, not
///   layout) and DEL U+007F the same way: `\x1b`, `\x09`, `\x7f`;
/// - the C1 controls U+0080...U+009F as `\u{9b}` (they are characters, not bytes, so they are not
///   confused with the byte escapes);
///
/// and leaves everything else, backslashes included, as it is. JSON output gets the same treatment
/// from `JSONText`: the JSON escapes `\u001b`, `\u007f`, `\u009b`, and a byte escape as the text `\xe9`.
public enum TerminalText {
    /// `text` with every control character and file-name byte escape shown as an escape sequence.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if let byte = FileSystemName.escapedByte(scalar) {
                shown += "\\x" + hex(byte)
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                shown += "\\x" + hex(UInt8(scalar.value))
            } else if (0x80...0x9F).contains(scalar.value) {
                shown += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// Each line of `text` escaped, the line breaks between them kept: for messages that are
    /// several lines by design (help text), whose values are escaped when they are built.
    public static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }
            .joined(separator: "\n")
    }

    /// True for the scalars `escaped(_:)` rewrites.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || FileSystemName.escapedByte(scalar) != nil
    }

    /// True for the C0 controls, DEL and the C1 controls (U+0000...U+001F, U+007F...U+009F).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Two lowercase hex digits.
    package static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return byte < 0x10 ? "0" + digits : digits
    }
}
