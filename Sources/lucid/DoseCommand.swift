import ArgumentParser
import Foundation
import LucidBatch
import LucidDICOM
import LucidDose

/// `lucid dose INPUT... [--json] [--drl FILE] [--study]`: the radiation dose of dose reports and
/// image headers, with the first look's dose findings (README, "Dose and the first look").
struct DoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dose",
        abstract: "Show the radiation dose of dose reports (RDSR) and image headers, with dose findings.",
        discussion: """
            Files and folders (walked recursively; files that are not DICOM are skipped there, an error when \
            named). With --json, one JSON object per DICOM file: path, kind (rdsr, header, none), modality, \
            studyInstanceUID, ct, projection, exposure, dap, ctdiVol, entranceDose, organDose, flags. Flags \
            (drl, deviation-index, dose-check) are findings: exit status 0. Exit status 1 when a file could not \
            be read (the others are still reported), 2 for bad usage or a bad --drl file.
            """)

    @Argument(help: "DICOM files and folders.")
    var inputs: [String]

    @ArgumentParser.Flag(help: "Print one JSON object per line instead of a table.")
    var json = false

    @Option(
        name: .customLong("drl"),
        help: ArgumentHelp(
            "Diagnostic reference levels to use instead of the built-in FANC table: a CSV file with the columns "
                + "exam,modality,match,quantity,limit,unit,source.", valueName: "file"))
    var drlFile: String?

    @ArgumentParser.Flag(
        help: "Add one line per study: the events and totals of all its dose reports, each report counted once.")
    var study = false

    func run() throws {
        let levels = try referenceLevels()
        var output = DoseOutput(json: json)
        var studies: [StudyDose] = []
        var failed = false
        let walker = InputWalker(arguments: inputs)
        while let event = walker.next() {
            switch event {
            case .unusable(let path, let reason, let fatal):
                if fatal {
                    StandardError.write("lucid dose: \(path): \(reason)")
                    failed = true
                }
            case .file(let path):
                let named = inputs.contains(path)
                let dataSet: DataSet
                do throws(DICOMError) {
                    dataSet = try DICOMFile.read(path: path).dataSet
                } catch {
                    if case .notDICOM = error, !named { continue }
                    StandardError.write("lucid dose: \(error.description)")
                    failed = true
                    continue
                }
                let facts = DoseFacts(dataSet: dataSet)
                output.file(path: path, facts: facts, flags: facts.flags(referenceLevels: levels))
                if study, facts.kind == .rdsr, let uid = facts.studyInstanceUID {
                    if let index = studies.firstIndex(where: { $0.studyInstanceUID == uid }) {
                        studies[index].add(facts, path: path)
                    } else {
                        var summary = StudyDose(studyInstanceUID: uid)
                        summary.add(facts, path: path)
                        studies.append(summary)
                    }
                }
            }
        }
        for summary in studies { output.study(summary, flags: summary.facts.flags(referenceLevels: levels)) }
        output.finish()
        if failed { throw ProcessingFailure(status: 1) }
    }

    /// The `--drl` table, or the built-in one (`ReferenceLevelsFile`).
    private func referenceLevels() throws -> DRLTable {
        try ReferenceLevelsFile.load(drlFile, command: "lucid dose")
    }
}
