/// The action bands of the Deviation Index of AAPM Report 116 (Shepard et al., "An Exposure
/// Indicator for Digital Radiography", AAPM TG-116, 2009; Med. Phys. 36(7), 2898-2914, Table 2).
/// DI = 10·log10(EI/EI_T) (IEC 62494-1:2008 §5.3), so +1 is about 26 % more detector exposure than
/// the target and +3 twice it.
///
/// | DI                      | band            | AAPM TG-116 action                                   | flag    |
/// |-------------------------|-----------------|------------------------------------------------------|---------|
/// | DI > +3.0               | `excessive`     | excessive patient radiation exposure                 | alert   |
/// | +1.0 < DI ≤ +3.0        | `overexposed`   | overexposure; repeat only if image is saturated      | warning |
/// | +0.5 < DI ≤ +1.0        | `acceptable`    | acceptable                                           | none    |
/// | -0.5 ≤ DI ≤ +0.5        | `target`        | target range                                         | none    |
/// | -1.0 ≤ DI < -0.5        | `acceptable`    | acceptable                                           | none    |
/// | -3.0 ≤ DI < -1.0        | `underexposed`  | underexposed; consult radiologist for repeat         | warning |
/// | DI < -3.0               | `excessiveUnder`| excessive underexposure; repeat                      | alert   |
///
/// The edges belong to the band nearer the target: DI = +1.0 is acceptable, +3.0 overexposed,
/// -1.0 acceptable, -3.0 underexposed.
public enum DeviationIndexBand: String, Sendable, CaseIterable {
    case excessive
    case overexposed
    case acceptable
    case target
    case underexposed
    case excessiveUnder

    public init(deviationIndex di: Double) {
        switch di {
        case let value where value > 3.0: self = .excessive
        case let value where value > 1.0: self = .overexposed
        case let value where value > 0.5: self = .acceptable
        case let value where value >= -0.5: self = .target
        case let value where value >= -1.0: self = .acceptable
        case let value where value >= -3.0: self = .underexposed
        default: self = .excessiveUnder
        }
    }

    /// AAPM TG-116's wording of the band's action.
    public var action: String {
        switch self {
        case .excessive: return "excessive patient radiation exposure"
        case .overexposed: return "overexposure; repeat only if the image is saturated"
        case .acceptable: return "acceptable"
        case .target: return "target range"
        case .underexposed: return "underexposed; consult the radiologist for a repeat"
        case .excessiveUnder: return "excessive underexposure; repeat"
        }
    }

    /// The `deviation-index` flag's severity: none inside -1..+1, a warning outside it, an alert
    /// outside -3..+3.
    public var severity: Flag.Severity? {
        switch self {
        case .excessive, .excessiveUnder: return .alert
        case .overexposed, .underexposed: return .warning
        case .acceptable, .target: return nil
        }
    }
}
