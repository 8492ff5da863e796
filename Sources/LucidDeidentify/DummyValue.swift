import LucidDICOM

/// The dummy values of action D (PS3.15 E.1.1): non-zero length, consistent with the VR, and free
/// of identity. A UID is replaced by the keyed pseudonym of the original instead (see
/// `Pseudonymizer.uid(for:)`), so a dummy UID still matches its references.
enum DummyValue {
    /// The dummy text of a text VR; nil for binary VRs, UI and SQ.
    static func text(for vr: ValueRepresentation) -> String? {
        switch vr {
        case .AE, .CS, .LO, .LT, .PN, .SH, .ST, .UC, .UT: return "ANONYMIZED"
        case .AS: return "000Y"
        case .DA: return "19000101"
        case .DT: return "19000101000000"
        case .TM: return "000000"
        case .DS, .IS: return "0"
        case .UR: return "urn:x-anonymized"
        default: return nil
        }
    }

    /// Zero bytes for a binary value of `count` bytes, at least one unit of the VR.
    static func zeros(for vr: ValueRepresentation, count: Int) -> [UInt8] {
        let unit: Int
        switch vr {
        case .US, .SS, .OW: unit = 2
        case .UL, .SL, .FL, .OF, .OL, .AT: unit = 4
        case .FD, .OD, .SV, .UV, .OV: unit = 8
        default: unit = 2
        }
        return [UInt8](repeating: 0, count: max(unit, count - count % unit))
    }
}
