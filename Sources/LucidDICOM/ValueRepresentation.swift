/// Value Representations, PS3.5 §6.2.
// swift-format-ignore: AlwaysUseLowerCamelCase
public enum ValueRepresentation: String, Sendable, Hashable, CaseIterable {
    case AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV,
        TM, UC, UI, UL, UN, UR, US, UT, UV

    /// Parses the two VR bytes of an Explicit VR element; nil when they are not a known VR.
    init?(byte0: UInt8, byte1: UInt8) {
        guard (0x41...0x5A).contains(byte0), (0x41...0x5A).contains(byte1) else { return nil }
        self.init(rawValue: String(decoding: [byte0, byte1], as: UTF8.self))
    }

    /// VRs whose Explicit VR header has two reserved bytes and a 32-bit length (PS3.5 §7.1.2).
    var hasLongExplicitLength: Bool {
        switch self {
        case .OB, .OD, .OF, .OL, .OV, .OW, .SQ, .UC, .UN, .UR, .UT, .SV, .UV: return true
        default: return false
        }
    }

    /// Character string VRs, whose values are text with `\` between multiple values.
    var isText: Bool {
        switch self {
        case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UI, .UR, .UT: return true
        default: return false
        }
    }

    /// Text VRs that never hold more than one value (a `\` in them is data, PS3.5 §6.2).
    var isSingleValuedText: Bool {
        switch self {
        case .LT, .ST, .UT, .UR: return true
        default: return false
        }
    }
}
