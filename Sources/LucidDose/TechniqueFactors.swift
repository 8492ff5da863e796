import LucidDICOM

/// The exposure technique of an image header: KVP (0018,0060, kV), Exposure (0018,1152, mAs),
/// Exposure Time (0018,1150, ms), and Relative X-Ray Exposure (0018,1405), whose unit is the
/// vendor's own exposure indicator (AAPM TG-116 Table 1 lists them).
public struct TechniqueFactors: Sendable, Equatable {
    public var kvp: Double?
    public var milliampereSeconds: Double?
    public var exposureTimeMilliseconds: Double?
    public var relativeXRayExposure: Double?
    /// The vendor indicator `relativeXRayExposure` is expressed in (see `vendorIndicator`), or
    /// `vendor units` when the manufacturer is not in the table.
    public var relativeXRayExposureUnit: String?

    /// No factor.
    public init() {}

    public init(dataSet: DataSet) {
        kvp = dataSet.doseNumber(DoseTag.kvp)
        milliampereSeconds = dataSet.doseNumber(DoseTag.exposure)
        exposureTimeMilliseconds = dataSet.doseNumber(DoseTag.exposureTime)
        relativeXRayExposure = dataSet.doseNumber(DoseTag.relativeXRayExposure)
        if relativeXRayExposure != nil {
            relativeXRayExposureUnit = Self.vendorIndicator(manufacturer: dataSet.string(.manufacturer) ?? "")
        }
    }

    /// True when no factor is present.
    public var isEmpty: Bool {
        kvp == nil && milliampereSeconds == nil && exposureTimeMilliseconds == nil && relativeXRayExposure == nil
    }

    /// Vendors' exposure indicators by Manufacturer (0008,0070), matched case-insensitively on a
    /// word of the name (AAPM TG-116 Table 1): Fujifilm and Konica Minolta `S` (sensitivity number,
    /// falls as exposure rises), Carestream/Kodak `EI` (Kodak exposure index), Agfa `lgM`, Philips
    /// `EI` (Philips), Siemens `EXI`, Canon `REX`. Anything else is `vendor units`.
    public static let vendorIndicators: [(manufacturer: String, indicator: String)] = [
        ("FUJI", "S (Fujifilm sensitivity number)"),
        ("KONICA", "S (Konica Minolta sensitivity number)"),
        ("KODAK", "EI (Carestream/Kodak exposure index)"),
        ("CARESTREAM", "EI (Carestream/Kodak exposure index)"),
        ("AGFA", "lgM (Agfa)"),
        ("PHILIPS", "EI (Philips exposure index)"),
        ("SIEMENS", "EXI (Siemens)"),
        ("CANON", "REX (Canon reached exposure)"),
    ]

    /// The indicator for this manufacturer, or `vendor units`.
    public static func vendorIndicator(manufacturer: String) -> String {
        let name = manufacturer.uppercased()
        return vendorIndicators.first { name.contains($0.manufacturer) }?.indicator ?? "vendor units"
    }
}
