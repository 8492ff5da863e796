import Foundation

/// One diagnostic reference level (Council Directive 2013/59/Euratom art. 4(84); ICRP Publication
/// 135): for the exams whose descriptions match `match`, the dose `quantity` a typical exam should
/// not exceed. A single exam above it is a prompt to look at the protocol, not a fault: DRLs are set
/// on the median of a patient group (ICRP 135), so the `drl` flag is a warning.
public struct ReferenceLevel: Sendable, Equatable {
    /// The dose a level is stated in.
    public enum Quantity: String, Sendable, CaseIterable {
        /// CT Dose Length Product Total (113813) of a report: a whole exam.
        case dlpTotal
        /// The DLP of one CT acquisition (113838), the largest of the report's: levels stated for a
        /// single-acquisition exam.
        case dlp
        /// Mean CTDIvol (113830) of one acquisition, the largest of the report's, or the header's (0018,9345).
        case ctdiVol
        /// Dose Area Product Total (113722) of a projection report.
        case dapTotal
        /// DAP of one exposure: the largest event's (122130), or the header's (0018,115E).
        case dap

        /// 0 for a dose, 1 for a dose length product, 2 for a dose area product (`DoseUnit.lengthPower`).
        public var lengthPower: Int {
            switch self {
            case .ctdiVol: return 0
            case .dlpTotal, .dlp: return 1
            case .dapTotal, .dap: return 2
            }
        }
    }

    public let exam: String
    /// DICOM modality codes the level applies to (`CT`, `CR`, `DX`, ...); empty means any.
    public let modalities: [String]
    /// A case-insensitive regular expression (ICU syntax) tried on each `ExamDescription` text.
    public let match: String
    public let quantity: Quantity
    public let limit: DoseQuantity
    public let source: String
    /// `match` compiled once; nil when it is not a regular expression (the level then never applies).
    private let expression: NSRegularExpression?

    public init(
        exam: String, modalities: [String], match: String, quantity: Quantity, limit: DoseQuantity, source: String
    ) {
        self.exam = exam
        self.modalities = modalities
        self.match = match
        self.quantity = quantity
        self.limit = limit
        self.source = source
        expression = try? NSRegularExpression(pattern: match, options: [.caseInsensitive])
    }

    public static func == (lhs: ReferenceLevel, rhs: ReferenceLevel) -> Bool {
        lhs.exam == rhs.exam && lhs.modalities == rhs.modalities && lhs.match == rhs.match
            && lhs.quantity == rhs.quantity && lhs.limit == rhs.limit && lhs.source == rhs.source
    }

    /// True when the level's modalities include one of `modalities` and `match` finds one of the texts.
    public func applies(toModalities candidates: [String], texts: [String]) -> Bool {
        guard modalities.isEmpty || candidates.contains(where: { modalities.contains($0.uppercased()) }) else {
            return false
        }
        guard let expression else { return false }
        return texts.contains { text in
            expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    /// The `drl` flag when `value` (in any unit of the same kind) is above the limit; nil otherwise
    /// or when the units measure different things.
    public func flag(for value: DoseQuantity) -> Flag? {
        guard let compared = value.converted(to: limit.unit), compared.value > limit.value else { return nil }
        return Flag(
            kind: "drl", severity: .warning,
            message: "\(exam): \(quantity.rawValue) \(DoseText.quantity(compared)) above the reference level "
                + "\(DoseText.quantity(limit)) (\(source))",
            details: [
                "exam": .text(exam), "quantity": .text(quantity.rawValue), "value": .quantity(compared),
                "limit": .quantity(limit), "source": .text(source),
            ])
    }
}
