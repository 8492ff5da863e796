import LucidDICOM
import LucidDose

extension FileProcessor {
    /// A radiation dose report among the inputs: skipped (`doseReport`: it has no image to render or
    /// derive), its flags (`deviation-index`, `dose-check`, `drl` against `settings.referenceLevels`)
    /// on the outcome, and with `--report` its identity and dose for the page and its study's totals.
    func readDoseReport(_ dataSet: DataSet, outcome: inout FileOutcome) {
        let facts = DoseFacts(dataSet: dataSet)
        outcome.skip(.doseReport, "a radiation dose report: its dose is read; it has no image to process")
        outcome.flags = facts.flags(referenceLevels: settings.referenceLevels)
        if settings.capturesReport {
            var capture = ReportCapture(identity: ReportIdentity(dataSet: dataSet))
            capture.dose = facts
            outcome.report = capture
        }
    }

    /// The dose read from an image's header, kept for the report when `--report` is given.
    func captureDose(of image: DICOMImage, outcome: inout FileOutcome) {
        guard settings.capturesReport else { return }
        outcome.report?.dose = DoseFacts(dataSet: image.dataSet)
    }
}
