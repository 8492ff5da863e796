/// The rules the writer applies per VR (PS3.5 §6.2, Table 6.2-1; padding PS3.5 §6.2 and §6.4).
extension ValueRepresentation {
    /// The longest single value in bytes (per component group for PN), or nil when only the
    /// element's length field limits it.
    var maximumValueBytes: Int? {
        switch self {
        case .AE, .CS, .DS, .SH: return 16
        case .AS: return 4
        case .DA: return 8
        case .DT: return 26
        case .IS: return 12
        case .LO, .PN, .UI: return 64
        case .LT: return 10240
        case .ST: return 1024
        case .TM: return 14
        default: return nil
        }
    }

    /// The byte that pads an odd-length value to even length: NUL for UI (and the binary VRs),
    /// space for the other text VRs.
    var paddingByte: UInt8 {
        if self == .UI { return 0x00 }
        return isText ? 0x20 : 0x00
    }

    /// Why `value` may not appear in one value of this VR, or nil when it may.
    func characterProblem(_ value: String) -> String? {
        let scalars = value.unicodeScalars
        switch self {
        case .CS:
            let allowed = scalars.allSatisfy {
                ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == " " || $0 == "_"
            }
            return allowed ? nil : "CS holds only upper-case letters, digits, space and underscore"
        case .UI:
            return nil
        case .DS:
            let allowed = scalars.allSatisfy { "0123456789+-.eE ".unicodeScalars.contains($0) }
            return allowed ? nil : "DS holds only digits, sign, decimal point, exponent and spaces"
        case .IS:
            let allowed = scalars.allSatisfy { "0123456789+- ".unicodeScalars.contains($0) }
            return allowed ? nil : "IS holds only digits, a sign and spaces"
        case .DA, .TM, .DT, .AS:
            let allowed = scalars.allSatisfy {
                "0123456789.+-: ".unicodeScalars.contains($0) || ("A"..."Z").contains($0)
            }
            return allowed ? nil : "\(rawValue) holds only digits and its separators"
        case .LT, .ST, .UT:
            let control = scalars.first { $0.value < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D, 0x1B].contains($0.value) }
            return control.map { "control character U+\(String($0.value, radix: 16, uppercase: true))" }
        default:
            if isText, scalars.contains("\\") { return "`\\` separates values and cannot appear inside one" }
            let control = scalars.first { $0.value < 0x20 && $0.value != 0x1B }
            return control.map { "control character U+\(String($0.value, radix: 16, uppercase: true))" }
        }
    }

    /// The largest value length the Explicit VR header can carry: 16 bits for short-form VRs,
    /// 2^32 - 2 (even, below the undefined length 0xFFFFFFFF) for the others (PS3.5 §7.1.2).
    var maximumElementLength: Int { hasLongExplicitLength ? 0xFFFF_FFFE : 0xFFFE }
}
