import Foundation

/// A dose unit as UCUM writes it (PS3.16 CID 10011/10001 use UCUM codes): absorbed dose (`mGy`),
/// dose length product (`mGy.cm`) or dose area product (`Gy.m2`, `dGy.cm2`), read leniently from
/// what vendors write (`mGycm`, `Gy.cm^2`, `mGy*cm`, `dGy·cm²`) and converted by powers of ten.
///
/// A unit is `10^exponent · Gy · m^lengthPower`: `lengthPower` 0 for a dose, 1 for a DLP, 2 for a
/// DAP. Conversion between two units of the same `lengthPower` multiplies or divides by an exact
/// power of ten, so each conversion rounds once.
public struct DoseUnit: Sendable, Equatable {
    /// Prefix exponent of the gray (`m` = -3, `d` = -1, `c` = -2, `u` or `µ` = -6, none = 0).
    public var doseExponent: Int
    /// Prefix exponent of the metre (`c` = -2, `m` = -3, `d` = -1, none = 0); 0 when `lengthPower` is 0.
    public var lengthExponent: Int
    /// 0 (dose), 1 (dose length product) or 2 (dose area product).
    public var lengthPower: Int

    private static let prefixes: [(String, Int)] = [("", 0), ("d", -1), ("c", -2), ("m", -3), ("u", -6), ("µ", -6)]

    /// Parses a unit; nil when it is not a dose, DLP or DAP unit.
    public init?(_ written: String) {
        var text = written.trimmingCharacters(in: .whitespaces)
        for (from, to) in [("²", "2"), ("^", ""), ("·", ""), ("*", ""), (".", ""), (" ", "")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        guard let grayRange = text.range(of: "Gy") else { return nil }
        guard let dose = Self.exponent(of: String(text[..<grayRange.lowerBound])) else { return nil }
        var rest = String(text[grayRange.upperBound...])
        var power = 0
        var length = 0
        if !rest.isEmpty {
            power = 1
            if rest.hasSuffix("2") {
                power = 2
                rest.removeLast()
            }
            guard rest.hasSuffix("m"), let prefix = Self.exponent(of: String(rest.dropLast())) else { return nil }
            length = prefix
        }
        self.init(doseExponent: dose, lengthExponent: length, lengthPower: power)
    }

    public init(doseExponent: Int, lengthExponent: Int, lengthPower: Int) {
        self.doseExponent = doseExponent
        self.lengthExponent = lengthExponent
        self.lengthPower = lengthPower
    }

    private static func exponent(of prefix: String) -> Int? {
        prefixes.first { $0.0 == prefix }?.1
    }

    private static func prefix(of exponent: Int) -> String {
        prefixes.first { $0.1 == exponent }?.0 ?? ""
    }

    /// The UCUM spelling: `mGy`, `mGy.cm`, `Gy.m2`, `dGy.cm2`.
    public var ucum: String {
        let dose = Self.prefix(of: doseExponent) + "Gy"
        switch lengthPower {
        case 0: return dose
        case 1: return dose + "." + Self.prefix(of: lengthExponent) + "m"
        default: return dose + "." + Self.prefix(of: lengthExponent) + "m\(lengthPower)"
        }
    }

    /// The power of ten of this unit in gray times metres to `lengthPower`.
    var exponent: Int { doseExponent + lengthPower * lengthExponent }

    /// `value` in this unit expressed in `target`; nil when the two measure different things.
    public func convert(_ value: Double, to target: DoseUnit) -> Double? {
        guard lengthPower == target.lengthPower else { return nil }
        let shift = exponent - target.exponent
        var power = 1.0
        for _ in 0..<abs(shift) { power *= 10 }
        return shift >= 0 ? value * power : value / power
    }

    /// The UCUM spelling of a dose unit as written, or the text unchanged when it is not a dose unit.
    public static func normalised(_ written: String) -> String { DoseUnit(written)?.ucum ?? written }
}

extension DoseQuantity {
    /// This quantity in `unit` (e.g. `Gy.m2`); nil when either unit is not a dose unit or they measure
    /// different things.
    public func converted(to unit: String) -> DoseQuantity? {
        guard let from = DoseUnit(self.unit), let target = DoseUnit(unit),
            let value = from.convert(value, to: target)
        else { return nil }
        return DoseQuantity(value: value, unit: target.ucum, documentUnit: documentUnit)
    }
}
