import ArgumentParser
import Foundation
import LucidArchive

/// `lucid archive`: commands on an archive folder.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive", abstract: "Look into an archive made by lucid process --archive, or push it to a PACS.",
        subcommands: [ArchiveListCommand.self, ArchivePushCommand.self])
}

/// `lucid archive ls DIR [--patient ID] [--json]`: patients, studies, series and instances.
struct ArchiveListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List the patients, studies, series and instances of an archive.",
        discussion: """
            Text: one indented line per patient, study, series and instance (SOP Instance UID, recipe, files). \\
            --json: an array of patients {patientID, patientName, folder, studies: [{studyInstanceUID, studyDate, \\
            folder, series: [{seriesInstanceUID, seriesNumber, modality, folder, instances: [{sopInstanceUID, \\
            recipe, derivedSeriesInstanceUID, frames, archivedAt, files}]}]}]}.
            """)

    @Argument(help: "The archive folder (holding index.sqlite).")
    var archive: String

    @Option(help: "Only the patient with this Patient ID (as in the header, not the folder name).")
    var patient: String?

    @Flag(help: "Print the listing as JSON.")
    var json = false

    func run() throws {
        let listing: ArchiveListing
        do {
            listing = try Archive(root: archive, create: false).listing(patientID: patient)
        } catch {
            StandardError.write("lucid: \(error)")
            throw ProcessingFailure(status: 1)
        }
        if json {
            print(JSONText.encode(listing.patients.map(Self.object)))
            return
        }
        for patient in listing.patients {
            print("patient \(patient.patientID.isEmpty ? "(none)" : patient.patientID)  \(patient.folder)/")
            for study in patient.studies {
                print("  study \(study.studyDate.isEmpty ? "(no date)" : study.studyDate) \(study.studyInstanceUID)")
                for series in study.series {
                    print("    series \(series.seriesNumber) \(series.modality) \(series.seriesInstanceUID)")
                    for instance in series.instances {
                        print("      \(instance.sopInstanceUID)  \(instance.recipe)  \(instance.files) file(s)")
                    }
                }
            }
        }
    }

    static func object(_ patient: ArchiveListing.Patient) -> [String: Any] {
        [
            "patientID": patient.patientID, "patientName": patient.patientName, "folder": patient.folder,
            "studies": patient.studies.map { study -> [String: Any] in
                [
                    "studyInstanceUID": study.studyInstanceUID, "studyDate": study.studyDate, "folder": study.folder,
                    "series": study.series.map { series -> [String: Any] in
                        [
                            "seriesInstanceUID": series.seriesInstanceUID, "seriesNumber": series.seriesNumber,
                            "modality": series.modality, "folder": series.folder,
                            "instances": series.instances.map { instance -> [String: Any] in
                                [
                                    "sopInstanceUID": instance.sopInstanceUID, "recipe": instance.recipe,
                                    "derivedSeriesInstanceUID": instance.derivedSeriesInstanceUID,
                                    "frames": instance.frames, "archivedAt": instance.archivedAt,
                                    "files": instance.files,
                                ]
                            },
                        ]
                    },
                ]
            },
        ]
    }
}
