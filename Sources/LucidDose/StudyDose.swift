/// The dose of a study summed over its reports (`lucid dose --study`): each report counted once
/// by SOP Instance UID (a report read twice, or a copy, adds nothing), totals added in one unit
/// (`mGy.cm` for DLP, `Gy.m2` for DAP, `mGy` for dose at the reference point), the events of every
/// report appended in the order the reports were added. A report without a total adds the sum of its
/// events' values instead. Vendors split long exams into several reports (Siemens' "Continued"
/// reports), each with its own events and totals, so the study's total is their sum. An event whose
/// Irradiation Event UID (113769) an earlier report already held is not counted again: a report
/// that repeats events adds only the sum of its new events' values, not its total.
public struct StudyDose: Sendable {
    public let studyInstanceUID: String
    public private(set) var reports: [String] = []
    public private(set) var ct: CTDose?
    public private(set) var projection: ProjectionDose?
    public private(set) var exam = ExamDescription()
    private var seen: Set<String> = []
    private var seenEvents: Set<String> = []

    public init(studyInstanceUID: String) { self.studyInstanceUID = studyInstanceUID }

    /// Adds a report read from `path`; returns false (adding nothing) when it is not a dose report
    /// or its SOP Instance UID was added before.
    @discardableResult
    public mutating func add(_ facts: DoseFacts, path: String) -> Bool {
        guard facts.kind == .rdsr else { return false }
        if let uid = facts.sopInstanceUID, !seen.insert(uid).inserted { return false }
        reports.append(path)
        if exam.texts.isEmpty { exam = facts.exam }
        if let report = facts.ct {
            let events = newEvents(report.events, uid: \.irradiationEventUID)
            let repeated = events.count < report.events.count
            var sum = ct ?? CTDose()
            let reportTotal = repeated ? nil : report.dlpTotal
            sum.dlpTotal = Self.add(sum.dlpTotal, reportTotal ?? Self.total(events.compactMap(\.dlp)), unit: "mGy.cm")
            sum.events += events
            ct = sum
        }
        if let report = facts.projection {
            let events = newEvents(report.events, uid: \.irradiationEventUID)
            let repeated = events.count < report.events.count
            var sum = projection ?? ProjectionDose()
            sum.dapTotal = Self.add(
                sum.dapTotal, (repeated ? nil : report.dapTotal) ?? Self.total(events.compactMap(\.dap)), unit: "Gy.m2")
            sum.doseRPTotal = Self.add(
                sum.doseRPTotal, (repeated ? nil : report.doseRPTotal) ?? Self.total(events.compactMap(\.doseRP)),
                unit: "mGy")
            sum.accumulatedAverageGlandularDose += report.accumulatedAverageGlandularDose
            sum.events += events
            projection = sum
        }
        return true
    }

    /// The events whose Irradiation Event UID was not seen before (events without one are all new),
    /// remembering their UIDs.
    private mutating func newEvents<Event>(_ events: [Event], uid: KeyPath<Event, String?>) -> [Event] {
        events.filter { event in
            guard let identifier = event[keyPath: uid] else { return true }
            return seenEvents.insert(identifier).inserted
        }
    }

    /// `total + addition` in `unit`; `addition` alone (in `unit`) when there is no total yet; `total`
    /// unchanged when `addition` is absent or of another kind. Nil until some report has the value.
    static func add(_ total: DoseQuantity?, _ addition: DoseQuantity?, unit: String) -> DoseQuantity? {
        guard let total else {
            return addition?.converted(to: unit).map { DoseQuantity(value: $0.value, unit: $0.unit) }
        }
        return add(total, addition)
    }

    /// `total + addition` in `total`'s unit; `total` unchanged when `addition` is absent or of another kind.
    static func add(_ total: DoseQuantity?, _ addition: DoseQuantity?) -> DoseQuantity? {
        guard let total, let addition, let converted = addition.converted(to: total.unit) else { return total }
        return DoseQuantity(value: total.value + converted.value, unit: total.unit)
    }

    static func total(_ quantities: [DoseQuantity]) -> DoseQuantity? {
        guard let first = quantities.first else { return nil }
        var sum: DoseQuantity? = DoseQuantity(value: first.value, unit: first.unit)
        for quantity in quantities.dropFirst() { sum = add(sum, quantity) }
        return sum
    }

    /// `{"study", "reports": [path], "ct", "projection", "flags"}`: one line of `lucid dose --study`.
    public func jsonObject(flags: [Flag]) -> [String: Any] {
        [
            "study": studyInstanceUID, "reports": reports, "ct": DoseFacts.json(ct?.jsonObject),
            "projection": DoseFacts.json(projection?.jsonObject), "flags": flags.map(\.jsonObject),
        ]
    }

    /// The study as one set of facts, for reference levels and JSON.
    public var facts: DoseFacts {
        var facts = DoseFacts(summaryOf: studyInstanceUID)
        facts.ct = ct
        facts.projection = projection
        facts.exam = exam
        return facts
    }
}

extension DoseFacts {
    /// Empty facts of kind `rdsr` for a study summary.
    init(summaryOf studyInstanceUID: String) {
        kind = .rdsr
        self.studyInstanceUID = studyInstanceUID
        exam = ExamDescription()
        technique = TechniqueFactors()
        doseChecks = []
    }
}

extension DoseFacts {
    /// A study's summed dose (`StudyDose`) as the facts of one dose report, so that reference
    /// levels and report figures apply to the study's totals as to a single report's.
    public init(study: StudyDose) {
        kind = .rdsr
        modality = nil
        studyInstanceUID = study.studyInstanceUID
        sopInstanceUID = nil
        exam = study.exam
        ct = study.ct
        projection = study.projection
        technique = TechniqueFactors()
        doseChecks = []
    }
}
