import Foundation

/// Numbers written as Decimal String (DS, PS3.5 §6.2): at most 16 characters, so the shortest
/// exact form is used when it fits, else the most significant digits that fit.
public enum DecimalString {
    /// The value as DS text, or nil when it is not finite.
    public static func format(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let shortest = "\(value)"
        if shortest.count <= 16, !shortest.contains("e") { return shortest }
        for digits in stride(from: 15, through: 1, by: -1) {
            let candidate = String(format: "%.\(digits)G", value)
            if candidate.count <= 16 { return candidate }
        }
        return nil
    }
}
