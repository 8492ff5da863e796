import LucidDICOM

/// Everything one DICOM file says about the radiation given: an X-ray radiation dose report's
/// content (`ct`, `projection`, `doseChecks`), or an image header's dose and exposure attributes.
/// Built from a parsed data set; never fails: a file without any of them is `kind == .none`.
public struct DoseFacts: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// An X-ray radiation dose report (`RDSRRecognition`).
        case rdsr
        /// An image whose header holds a dose or exposure index attribute (`HeaderDose`).
        case header
        case none
    }

    public var kind: Kind
    public var modality: String?
    public var studyInstanceUID: String?
    public var sopInstanceUID: String?
    public var exam: ExamDescription
    public var ct: CTDose?
    public var projection: ProjectionDose?
    /// The header's exposure indices, or the report's event furthest from its target (largest |DI|).
    public var exposure: ExposureIndication?
    /// Image and Fluoroscopy Area Dose Product (0018,115E), dGy.cm2.
    public var dap: DoseQuantity?
    /// CTDIvol (0018,9345), mGy.
    public var ctdiVol: DoseQuantity?
    /// Entrance Dose in mGy (0040,8302).
    public var entranceDose: DoseQuantity?
    /// Organ Dose (0040,0316), dGy.
    public var organDose: DoseQuantity?
    public var technique: TechniqueFactors
    public var doseChecks: [DoseCheck]

    public init(dataSet: DataSet) {
        modality = dataSet.string(.modality)
        studyInstanceUID = dataSet.string(.studyInstanceUID)
        sopInstanceUID = dataSet.string(.sopInstanceUID)
        exam = ExamDescription(dataSet: dataSet)
        technique = TechniqueFactors(dataSet: dataSet)
        doseChecks = []
        kind = .none
        if let root = SRContentTree.root(of: dataSet) {
            let ct = CTDose(root: root)
            let projection = ProjectionDose(root: root)
            let holdsDose = ct != nil || projection != nil
            if RDSRRecognition.isDoseReport(dataSet: dataSet, root: root, holdsDoseConcepts: holdsDose) {
                kind = .rdsr
                self.ct = ct
                self.projection = projection
                doseChecks = DoseCheck.all(in: root)
                exposure = projection?.events.compactMap(\.exposure).max { first, second in
                    abs(first.deviationIndex ?? 0) < abs(second.deviationIndex ?? 0)
                }
                return
            }
        }
        let header = HeaderDose(dataSet: dataSet)
        guard !header.isEmpty else { return }
        kind = .header
        dap = header.dap
        ctdiVol = header.ctdiVol
        entranceDose = header.entranceDose
        organDose = header.organDose
        exposure = header.exposure
    }

    /// Modalities a reference level must name to apply: the header's Modality for an image; for a
    /// report, `CT` when it holds CT dose, and for projection dose (a projection report does not name
    /// its modality) `MG` when it holds an Average Glandular Dose, `RF` and `XA` when an event is
    /// fluoroscopy, else `CR`, `DX`, `RF`, `XA`, `PX`.
    public var doseModalities: [String] {
        guard kind == .rdsr else { return modality.map { [$0.uppercased()] } ?? [] }
        var modalities = ct != nil ? ["CT"] : []
        if let projection {
            if !projection.accumulatedAverageGlandularDose.isEmpty
                || projection.events.contains(where: { $0.averageGlandularDose != nil })
            {
                modalities.append("MG")
            } else if projection.events.contains(where: \.isFluoroscopy) {
                modalities += ["RF", "XA"]
            } else {
                modalities += ["CR", "DX", "RF", "XA", "PX"]
            }
        }
        return modalities
    }

    /// The value a reference level of `quantity` is compared with: a total, or the largest event's
    /// (or the header's) value; nil when the file has none.
    public func value(of quantity: ReferenceLevel.Quantity) -> DoseQuantity? {
        switch quantity {
        case .dlpTotal: return ct?.dlpTotal
        case .dlp: return Self.largest(ct?.events.compactMap(\.dlp) ?? [])
        case .ctdiVol: return Self.largest((ct?.events.compactMap(\.ctdiVol) ?? []) + (ctdiVol.map { [$0] } ?? []))
        case .dapTotal: return projection?.dapTotal
        case .dap: return Self.largest((projection?.events.compactMap(\.dap) ?? []) + (dap.map { [$0] } ?? []))
        }
    }

    /// The largest quantity, compared in the first one's unit; nil for none.
    public static func largestValue(_ quantities: [DoseQuantity]) -> DoseQuantity? { largest(quantities) }

    static func largest(_ quantities: [DoseQuantity]) -> DoseQuantity? {
        guard let first = quantities.first else { return nil }
        return quantities.max {
            ($0.converted(to: first.unit)?.value ?? 0) < ($1.converted(to: first.unit)?.value ?? 0)
        }
    }

    /// The findings, in this order: `deviation-index` (and `deviation-index-mismatch`) of the header or
    /// of every report event (with its 1-based `event` number), `dose-check` of the scanner's Dose Check alerts and notifications, and
    /// `drl` for each applicable reference level exceeded.
    public func flags(referenceLevels: DRLTable) -> [Flag] {
        var flags: [Flag] = []
        if kind == .rdsr {
            for (index, event) in (projection?.events ?? []).enumerated() {
                flags += (event.exposure?.flags ?? []).map { flag in
                    var flag = flag
                    flag.message = "Irradiation event \(index + 1): " + flag.message
                    flag.details["event"] = .number(Double(index + 1))
                    return flag
                }
            }
        } else {
            flags += exposure?.flags ?? []
        }
        flags += doseChecks.map(\.flag)
        let modalities = doseModalities
        let texts = exam.texts
        for level in referenceLevels.levels where level.applies(toModalities: modalities, texts: texts) {
            if let value = value(of: level.quantity), let flag = level.flag(for: value) { flags.append(flag) }
        }
        return flags
    }
}
