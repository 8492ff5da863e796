/// A Dose Check alert or notification a CT scanner recorded in its report (NEMA XR 25, PS3.16
/// TID 10015 CT Dose Check Details): the configured value, the forward estimate that exceeded it,
/// and the operator's reason for proceeding. A check fired when a value is configured and the
/// forward estimate exceeds it: TID 10015 asks for the estimate only then, but scanners write it
/// with "Value Configured: No" too (Spectrum Dynamics does), and those are not findings.
public struct DoseCheck: Sendable, Equatable {
    public enum Level: String, Sendable {
        /// Dose Check Alert Details (113900): the accumulated forward estimate exceeded the alert value.
        case alert
        /// Dose Check Notification Details (113908): the protocol's estimate exceeded the notification value.
        case notification
    }

    public var level: Level
    /// `DLP` or `CTDIvol`.
    public var quantity: String
    public var configuredValue: DoseQuantity
    public var forwardEstimate: DoseQuantity
    public var reasonForProceeding: String?

    public init(
        level: Level, quantity: String, configuredValue: DoseQuantity, forwardEstimate: DoseQuantity,
        reasonForProceeding: String? = nil
    ) {
        self.level = level
        self.quantity = quantity
        self.configuredValue = configuredValue
        self.forwardEstimate = forwardEstimate
        self.reasonForProceeding = reasonForProceeding
    }

    /// Every dose check that fired in the tree's Dose Check Alert and Notification Details containers,
    /// in document order.
    static func all(in root: SRContentItem) -> [DoseCheck] {
        root.allItems.flatMap { container -> [DoseCheck] in
            let pairs: [(String, String, String)]
            let level: Level
            if container.isConcept(DoseConcept.doseCheckAlertDetails) {
                level = .alert
                pairs = [
                    ("DLP", DoseConcept.dlpAlertValue, DoseConcept.accumulatedDLPForwardEstimate),
                    ("CTDIvol", DoseConcept.ctdiVolAlertValue, DoseConcept.accumulatedCTDIvolForwardEstimate),
                ]
            } else if container.isConcept(DoseConcept.doseCheckNotificationDetails) {
                level = .notification
                pairs = [
                    ("DLP", DoseConcept.dlpNotificationValue, DoseConcept.dlpForwardEstimate),
                    ("CTDIvol", DoseConcept.ctdiVolNotificationValue, DoseConcept.ctdiVolForwardEstimate),
                ]
            } else {
                return []
            }
            let reason = container.descendants(DoseConcept.reasonForProceeding).compactMap(\.text).first
            return pairs.compactMap { quantity, valueCode, estimateCode in
                guard let estimate = container.descendants(estimateCode).compactMap(\.quantity).first,
                    let configured = container.descendants(valueCode).compactMap(\.quantity).first,
                    let compared = estimate.converted(to: configured.unit), compared.value > configured.value
                else { return nil }
                return DoseCheck(
                    level: level, quantity: quantity, configuredValue: configured, forwardEstimate: estimate,
                    reasonForProceeding: reason)
            }
        }
    }

    /// The `dose-check` flag: an alert for an alert, a warning for a notification.
    public var flag: Flag {
        var details: [String: Flag.Detail] = [
            "level": .text(level.rawValue), "quantity": .text(quantity), "value": .quantity(forwardEstimate),
        ]
        details["limit"] = .quantity(configuredValue)
        var message =
            "Scanner Dose Check \(level.rawValue): \(quantity) forward estimate " + DoseText.quantity(forwardEstimate)
            + " above the configured " + DoseText.quantity(configuredValue)
        if let reasonForProceeding {
            details["reason"] = .text(reasonForProceeding)
            message += "; reason for proceeding: \(reasonForProceeding)"
        }
        return Flag(
            kind: "dose-check", severity: level == .alert ? .alert : .warning, message: message, details: details)
    }
}
