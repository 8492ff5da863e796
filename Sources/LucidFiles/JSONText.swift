import Foundation

/// JSON text from Foundation's JSON values (dictionaries with String keys, arrays, String, Int,
/// Double, Bool, NSNull) for `--json` output, JSON lines and run manifests.
///
/// A header can hold numbers JSON cannot: an FL or FD value may be NaN or infinite (a Rescale
/// Slope of +inf, a Window Center of NaN), and `JSONSerialization` refuses the whole document for
/// one of them. Such a number is written as `null`, so the rest of the report survives.
///
/// The text is safe to print (see `TerminalText`): `JSONSerialization` escapes the C0 controls
/// (ESC as `\u001b`); DEL and the C1 controls are escaped here too (`\u007f`, `\u009b`), and a
/// byte of a file name that is not UTF-8 is written as the text `\xe9` (a backslash in the value).
package enum JSONText {
    /// The encoded text, or nil when `value` holds something other than JSON values.
    package static func data(_ value: Any, options: JSONSerialization.WritingOptions) -> Data? {
        let safe = finite(value)
        guard JSONSerialization.isValidJSONObject(safe),
            let data = try? JSONSerialization.data(withJSONObject: safe, options: options)
        else { return nil }
        return printable(data)
    }

    /// `data` (JSON text) with DEL, the C1 controls and file-name byte escapes written as escapes.
    /// They can only stand inside strings, where the escapes mean the same value (or, for a byte,
    /// its `\xe9` form).
    package static func printable(_ data: Data) -> Data {
        // Raw C0 bytes in the text are its layout (JSONSerialization escapes those inside strings).
        func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
            (0x7F...0x9F).contains(scalar.value) || FileSystemName.escapedByte(scalar) != nil
        }
        let text = String(decoding: data, as: UTF8.self)
        guard text.unicodeScalars.contains(where: needsEscape) else { return data }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if let byte = FileSystemName.escapedByte(scalar) {
                escaped += "\\\\x" + TerminalText.hex(byte)
            } else if needsEscape(scalar) {
                escaped += "\\u00" + TerminalText.hex(UInt8(scalar.value))
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return Data(escaped.utf8)
    }

    /// `value` with every NaN or infinite number replaced by NSNull, at any depth.
    package static func finite(_ value: Any) -> Any {
        switch value {
        case is Bool, is Int: return value
        case let number as Double: return number.isFinite ? number : NSNull()
        case let number as Float: return number.isFinite ? number : NSNull()
        case let object as [String: Any]: return object.mapValues(finite)
        case let array as [Any]: return array.map(finite)
        default: return value
        }
    }
}

/// Compact single-line JSON with sorted keys.
package enum JSONLine {
    package static func encode(_ object: [String: Any]) -> String {
        guard let data = JSONText.data(object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
