import Foundation

/// The exposure indices of a digital radiograph (IEC 62494-1:2008): Exposure Index EI (0018,1411 or
/// SR 113845), Target Exposure Index EI_T (0018,1412 or 113846) and Deviation Index DI (0018,1413 or
/// 113847). When DI is missing it is computed as 10·log10(EI/EI_T) (IEC 62494-1 §5.3); when it is
/// written, it is checked against that value.
public struct ExposureIndication: Sendable, Equatable {
    public var exposureIndex: Double?
    public var targetExposureIndex: Double?
    /// The written DI, or the computed one when none is written.
    public var deviationIndex: Double?
    /// True when `deviationIndex` was computed from EI and EI_T, not written.
    public var isDeviationIndexComputed: Bool
    /// 10·log10(EI/EI_T), when both are positive.
    public var computedDeviationIndex: Double?

    /// Largest difference between a written and the computed DI that is not reported, in DI units.
    public static let deviationIndexTolerance = 0.1

    /// nil when none of the three values is present.
    public init?(exposureIndex: Double?, targetExposureIndex: Double?, deviationIndex: Double?) {
        guard exposureIndex != nil || targetExposureIndex != nil || deviationIndex != nil else { return nil }
        self.exposureIndex = exposureIndex
        self.targetExposureIndex = targetExposureIndex
        if let exposureIndex, let targetExposureIndex, exposureIndex > 0, targetExposureIndex > 0 {
            computedDeviationIndex = 10 * log10(exposureIndex / targetExposureIndex)
        }
        self.deviationIndex = deviationIndex ?? computedDeviationIndex
        isDeviationIndexComputed = deviationIndex == nil && computedDeviationIndex != nil
    }

    /// The AAPM TG-116 band of the DI, nil without a DI.
    public var band: DeviationIndexBand? { deviationIndex.map { DeviationIndexBand(deviationIndex: $0) } }

    /// True when a written DI differs from 10·log10(EI/EI_T) by more than `deviationIndexTolerance`.
    public var deviationIndexDisagrees: Bool {
        guard !isDeviationIndexComputed, let deviationIndex, let computedDeviationIndex else { return false }
        return abs(deviationIndex - computedDeviationIndex) > Self.deviationIndexTolerance
    }

    /// The findings: `deviation-index` outside -1..+1 (a warning; an alert outside -3..+3), and
    /// `deviation-index-mismatch` (a warning) when a written DI disagrees with EI and EI_T.
    public var flags: [Flag] {
        var flags: [Flag] = []
        if let deviationIndex, let band, let severity = band.severity {
            var details: [String: Flag.Detail] = [
                "deviationIndex": .number(deviationIndex), "band": .text(band.rawValue),
            ]
            if let exposureIndex { details["exposureIndex"] = .number(exposureIndex) }
            if let targetExposureIndex { details["targetExposureIndex"] = .number(targetExposureIndex) }
            flags.append(
                Flag(
                    kind: "deviation-index", severity: severity,
                    message: "Deviation Index \(DoseText.number(deviationIndex)): \(band.action) (AAPM TG-116)",
                    details: details))
        }
        if deviationIndexDisagrees, let deviationIndex, let computedDeviationIndex {
            flags.append(
                Flag(
                    kind: "deviation-index-mismatch", severity: .warning,
                    message: "Deviation Index \(DoseText.number(deviationIndex)) written, "
                        + "10·log10(EI/EI_T) gives \(DoseText.number(computedDeviationIndex))",
                    details: [
                        "deviationIndex": .number(deviationIndex), "computed": .number(computedDeviationIndex),
                    ]))
        }
        return flags
    }
}

/// Numbers as messages and tables write them: six significant digits (`%.6g`), e.g. `812`, `-4.2`,
/// `4.72e-06`.
enum DoseText {
    static func number(_ value: Double) -> String { String(format: "%.6g", value) }

    static func quantity(_ quantity: DoseQuantity) -> String { number(quantity.value) + " " + quantity.unit }
}
