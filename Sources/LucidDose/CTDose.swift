/// What a CT Radiation Dose report says (PS3.16 TID 10011): the accumulated DLP and, per CT
/// Acquisition (113819) in document order, its Mean CTDIvol (113830, mGy), DLP (113838, mGy.cm)
/// and CTDIw Phantom Type (113835).
public struct CTDose: Sendable, Equatable {
    public struct Event: Sendable, Equatable {
        public var ctdiVol: DoseQuantity?
        public var dlp: DoseQuantity?
        /// The phantom's Code Meaning, e.g. `IEC Body Dosimetry Phantom`.
        public var phantom: String?
        /// Irradiation Event UID (113769): the same event in two reports is one event.
        public var irradiationEventUID: String?

        public init(
            ctdiVol: DoseQuantity? = nil, dlp: DoseQuantity? = nil, phantom: String? = nil,
            irradiationEventUID: String? = nil
        ) {
            self.ctdiVol = ctdiVol
            self.dlp = dlp
            self.phantom = phantom
            self.irradiationEventUID = irradiationEventUID
        }
    }

    /// CT Dose Length Product Total (113813).
    public var dlpTotal: DoseQuantity?
    public var events: [Event]

    public init(dlpTotal: DoseQuantity? = nil, events: [Event] = []) {
        self.dlpTotal = dlpTotal
        self.events = events
    }

    /// Reads the CT concepts of a report's content tree; nil when it holds none.
    init?(root: SRContentItem) {
        let total = root.descendants(DoseConcept.ctDoseLengthProductTotal).compactMap(\.quantity).first
        let events = root.descendants(DoseConcept.ctAcquisition).map { acquisition in
            Event(
                ctdiVol: acquisition.descendants(DoseConcept.meanCTDIvol).compactMap(\.quantity).first,
                dlp: acquisition.descendants(DoseConcept.dlp).compactMap(\.quantity).first,
                phantom: acquisition.descendants(DoseConcept.ctdiwPhantomType).compactMap(\.code?.meaning).first,
                irradiationEventUID: acquisition.child(DoseConcept.irradiationEventUID)?.text)
        }
        guard total != nil || !events.isEmpty else { return nil }
        self.init(dlpTotal: total, events: events)
    }
}
