import LucidDose

extension ReportDose {
    /// The figures the report shows for one file or study: the CT DLP total and largest CTDIvol, the
    /// DAP total (or the header's DAP) and the accumulated glandular dose, each beside the first
    /// reference level of `levels` that applies to it (PS3.16 quantities, `LucidDose`'s units).
    public static func figures(of facts: DoseFacts, levels: DRLTable) -> [ReportDose] {
        var figures: [ReportDose] = []
        let wanted: [(String, ReferenceLevel.Quantity)] = [
            ("DLP total", .dlpTotal), ("CTDIvol", .ctdiVol), ("DAP total", .dapTotal), ("DAP", .dap),
        ]
        for (label, quantity) in wanted {
            guard let value = facts.value(of: quantity) else { continue }
            if quantity == .dap, facts.value(of: .dapTotal) != nil { continue }
            let level = levels.levels.first {
                $0.quantity == quantity && $0.applies(toModalities: facts.doseModalities, texts: facts.exam.texts)
            }
            figures.append(
                ReportDose(
                    label: label, quantity: value, referenceLevel: level.flatMap { $0.limit.converted(to: value.unit) },
                    referenceSource: level.map { "\($0.exam), \($0.source)" }))
        }
        if let glandular = facts.projection?.accumulatedAverageGlandularDose.first {
            figures.append(ReportDose(label: "AGD accumulated", quantity: glandular))
        }
        return figures
    }

    /// A study's totals: its dose reports summed (`StudyDose`), as `figures(of:levels:)` gives them.
    public static func figures(of study: StudyDose, levels: DRLTable) -> [ReportDose] {
        figures(of: DoseFacts(study: study), levels: levels)
    }
}
