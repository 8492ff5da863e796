import LucidDICOM

/// What a Projection X-Ray Radiation Dose report says (PS3.16 TID 10001, 10002, 10003, 10005):
/// Dose Area Product Total (113722) and Dose (RP) Total (113725) of the accumulated data, and per
/// Irradiation Event X-Ray Data (113706) in document order its DAP (122130), Dose (RP) (113738),
/// Average Glandular Dose (111631) and exposure indices (113845-113847). Mammography reports add
/// an Accumulated Average Glandular Dose (111637) per breast.
public struct ProjectionDose: Sendable, Equatable {
    public struct Event: Sendable, Equatable {
        public var dap: DoseQuantity?
        public var doseRP: DoseQuantity?
        public var averageGlandularDose: DoseQuantity?
        public var exposure: ExposureIndication?
        /// Irradiation Event UID (113769): the same event in two reports is one event.
        public var irradiationEventUID: String?
        /// Irradiation Event Type (113721), CID 10002: `Fluoroscopy`, `Stationary Acquisition`, ...
        public var eventType: CodedConcept?

        /// True for a fluoroscopy event: (P5-06000, SRT) or (44491008, SCT) "Fluoroscopy".
        public var isFluoroscopy: Bool { eventType.map { ["P5-06000", "44491008"].contains($0.value) } ?? false }

        public init(
            dap: DoseQuantity? = nil, doseRP: DoseQuantity? = nil, averageGlandularDose: DoseQuantity? = nil,
            exposure: ExposureIndication? = nil, irradiationEventUID: String? = nil, eventType: CodedConcept? = nil
        ) {
            self.irradiationEventUID = irradiationEventUID
            self.eventType = eventType
            self.dap = dap
            self.doseRP = doseRP
            self.averageGlandularDose = averageGlandularDose
            self.exposure = exposure
        }
    }

    public var dapTotal: DoseQuantity?
    public var doseRPTotal: DoseQuantity?
    /// Accumulated Average Glandular Dose (111637), one per breast, in document order.
    public var accumulatedAverageGlandularDose: [DoseQuantity]
    public var events: [Event]

    public init(
        dapTotal: DoseQuantity? = nil, doseRPTotal: DoseQuantity? = nil,
        accumulatedAverageGlandularDose: [DoseQuantity] = [], events: [Event] = []
    ) {
        self.dapTotal = dapTotal
        self.doseRPTotal = doseRPTotal
        self.accumulatedAverageGlandularDose = accumulatedAverageGlandularDose
        self.events = events
    }

    /// Reads the projection concepts of a report's content tree; nil when it holds none.
    init?(root: SRContentItem) {
        let events = root.descendants(DoseConcept.irradiationEventXRayData).map { event in
            let index = event.descendants(DoseConcept.exposureIndex).compactMap(\.numericValue).first
            let target = event.descendants(DoseConcept.targetExposureIndex).compactMap(\.numericValue).first
            let deviation = event.descendants(DoseConcept.deviationIndex).compactMap(\.numericValue).first
            return Event(
                dap: event.descendants(DoseConcept.doseAreaProduct).compactMap(\.quantity).first,
                doseRP: event.descendants(DoseConcept.doseRP).compactMap(\.quantity).first,
                averageGlandularDose: event.descendants(DoseConcept.averageGlandularDose).compactMap(\.quantity).first,
                exposure: ExposureIndication(
                    exposureIndex: index, targetExposureIndex: target, deviationIndex: deviation),
                irradiationEventUID: event.child(DoseConcept.irradiationEventUID)?.text,
                eventType: event.child(DoseConcept.irradiationEventType)?.code)
        }
        let dapTotal = root.descendants(DoseConcept.doseAreaProductTotal).compactMap(\.quantity).first
        let doseRPTotal = root.descendants(DoseConcept.doseRPTotal).compactMap(\.quantity).first
        let accumulated = root.descendants(DoseConcept.accumulatedAverageGlandularDose).compactMap(\.quantity)
        guard dapTotal != nil || doseRPTotal != nil || !accumulated.isEmpty || !events.isEmpty else { return nil }
        self.init(
            dapTotal: dapTotal, doseRPTotal: doseRPTotal, accumulatedAverageGlandularDose: accumulated,
            events: events)
    }
}
