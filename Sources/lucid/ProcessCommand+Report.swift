import ArgumentParser
import Foundation
import LucidBatch
import LucidFiles
import LucidRendering

extension ProcessCommand {
    /// Checks `--report`: a file name, never a folder or an existing file that is not a Lucid report
    /// (an input file is never overwritten).
    func validateReport() throws {
        guard let report else { return }
        if report.isEmpty { throw ValidationError("--report needs a file name") }
        if let refusal = BatchReport.refusal(of: report) { throw ValidationError("--report: \(refusal)") }
    }

    /// `event` with a finished file's row (its flags and dose figures) added to `report`, its dose
    /// report counted in its study's totals, and its capture (identity, thumbnails, dose) taken out of
    /// the outcome, so the run manifest, which keeps every outcome, holds no thumbnail.
    static func collect(_ event: BatchEvent, into report: BatchReport?) -> BatchEvent {
        guard let report, case .finished(var outcome) = event else { return event }
        let dose = outcome.report?.dose
        report.add(
            ReportRow(
                outcome: outcome, flags: outcome.flags,
                dose: dose.map { ReportDose.figures(of: $0, levels: report.referenceLevels) } ?? []))
        if let dose { report.addDose(dose, path: outcome.path) }
        outcome.report = nil
        return .finished(outcome)
    }

    /// Writes the report at the end of the run, interrupted or not (then with a note saying so), and
    /// names it on standard error unless `--quiet`. Returns false after printing why it could not be
    /// written.
    func writeReport(_ report: BatchReport, summary: BatchSummary) -> Bool {
        let formatter = ISO8601DateFormatter()
        let generated = "generated \(formatter.string(from: Date())) by Lucid \(LucidVersion.current)"
        let note =
            summary.interrupted
            ? "The run was interrupted: the files it did not finish are not listed." : nil
        do throws(ReportWriteError) {
            try report.write(generated: generated, note: note)
        } catch {
            StandardError.write("lucid: \(error)")
            return false
        }
        if !quiet { StandardError.write("lucid: report \(report.path)") }
        return true
    }
}
