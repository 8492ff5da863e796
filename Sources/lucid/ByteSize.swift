import Foundation

/// Sizes in bytes as people write them on a command line: `2GiB`, `512MiB`, `1500000000`, `2GB`.
public enum ByteSize {
    /// Binary (IEC) and decimal (SI) units; case does not matter.
    static let units: [(suffix: String, factor: Int)] = [
        ("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30), ("tib", 1 << 40),
        ("kb", 1000), ("mb", 1_000_000), ("gb", 1_000_000_000), ("tb", 1_000_000_000_000), ("b", 1),
    ]

    /// The number of bytes `text` names: a positive whole number, optionally followed by `B`,
    /// `KiB`, `MiB`, `GiB`, `TiB` (powers of 1024) or `KB`, `MB`, `GB`, `TB` (powers of 1000).
    /// Nil for anything else, zero, or a size beyond `Int.max`.
    public static func parse(_ text: String) -> Int? {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        var digits = Substring(lowered)
        var factor = 1
        if let unit = units.first(where: { lowered.hasSuffix($0.suffix) }) {
            digits = lowered.dropLast(unit.suffix.count)
            factor = unit.factor
        }
        digits = Substring(digits.trimmingCharacters(in: .whitespaces))
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let number = Int(digits), number > 0 else {
            return nil
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: factor)
        return overflow ? nil : bytes
    }

    /// `2147483648` → `2 GiB`; sizes that are not a whole number of a binary unit stay in bytes.
    public static func describe(_ bytes: Int) -> String {
        for (suffix, factor) in [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes >= factor && bytes % factor == 0 {
            return "\(bytes / factor) \(suffix)"
        }
        return "\(bytes) bytes"
    }

    /// `12437225472` → `11.6 GiB`: the largest binary unit it reaches, one decimal; for people, not
    /// for parsing back.
    public static func approximate(_ bytes: Int) -> String {
        for (suffix, factor) in [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes >= factor {
            let tenths = (Double(bytes) / Double(factor) * 10).rounded() / 10
            return tenths == tenths.rounded() ? "\(Int(tenths)) \(suffix)" : "\(tenths) \(suffix)"
        }
        return "\(bytes) bytes"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
