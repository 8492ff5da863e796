import Foundation

/// JSON text from Foundation's JSON values (dictionaries with String keys, arrays, String, Int,
/// Double, Bool, NSNull) for `--json` output, JSON lines and run manifests.
///
/// A header can hold numbers JSON cannot: an FL or FD value may be NaN or infinite (a Rescale
/// Slope of +inf, a Window Center of NaN), and `JSONSerialization` refuses the whole document for
/// one of them. Such a number is written as `null`, so the rest of the report survives.
enum JSONText {
    /// The encoded text, or nil when `value` holds something other than JSON values.
    static func data(_ value: Any, options: JSONSerialization.WritingOptions) -> Data? {
        let safe = finite(value)
        guard JSONSerialization.isValidJSONObject(safe) else { return nil }
        return try? JSONSerialization.data(withJSONObject: safe, options: options)
    }

    /// `value` with every NaN or infinite number replaced by NSNull, at any depth.
    static func finite(_ value: Any) -> Any {
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
