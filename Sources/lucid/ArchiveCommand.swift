import ArgumentParser
import Foundation
import LucidArchive
import LucidFiles
import LucidRendering

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
            Text: one indented line per patient, study, series and instance (SOP Instance UID, recipe, files), an \
            instance whose SOP Instance UID was not conformant followed by a note: line saying how it was filed, \
            and one flag: KIND: MESSAGE line per flag of the first look (lucid process). \
            --json: an array of patients {patientID, patientName, folder, studies: [{studyInstanceUID, studyDate, \
            folder, series: [{seriesInstanceUID, seriesNumber, modality, folder, instances: [{sopInstanceUID, \
            recipe, derivedSeriesInstanceUID, frames, archivedAt, files, statedSOPInstanceUID, uidNote, flags}], \
            conflicts: [...]}]}]}; sopInstanceUID is the key the instance is filed under, statedSOPInstanceUID the \
            value in the file ("" when absent; null in an index before schema version 4), uidNote null when the \
            UID is conformant, flags the first look's [{kind, severity, message, ...}] (null in an index before \
            schema version 5). Reads only (works on a read-only \
            mount), from one consistent snapshot of the index, checked first with SQLite's quick_check. Control \
            characters in header values are shown as \\xhh in text (JSON escapes them).
            Exit status: 0 listed (or an empty archive: the index records no images and the folder holds no files; \
            said on standard error), 1 the index is damaged or cannot be read, records no images while the \
            folder holds files (the index was lost or emptied: run lucid verify), or no patient has the Patient ID \
            given; 2 bad usage.
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
            listing = try read()
        } catch let failure as ProcessingFailure {
            throw failure
        } catch {
            StandardError.write("lucid: \(TerminalText.escaped("\(error)"))")
            throw ProcessingFailure(status: 1)
        }
        if json {
            print(JSONText.encode(listing.patients.map(Self.object)))
            return
        }
        for patient in listing.patients {
            let shown = patient.patientID.isEmpty ? "(none)" : patient.patientID
            print(TerminalText.escaped("patient \(shown)  \(patient.folder)/"))
            for study in patient.studies {
                let date = study.studyDate.isEmpty ? "(no date)" : study.studyDate
                print(TerminalText.escaped("  study \(date) \(study.studyInstanceUID)"))
                for series in study.series {
                    print(
                        TerminalText.escaped(
                            "    series \(series.seriesNumber) \(series.modality) \(series.seriesInstanceUID)"))
                    for instance in series.instances {
                        print(
                            TerminalText.escaped(
                                "      \(instance.sopInstanceUID)  \(instance.recipe)  \(instance.files) file(s)"))
                        if let note = instance.uidNote { print(TerminalText.escaped("        note: \(note)")) }
                        for flag in Self.flags(instance) ?? [] {
                            let kind = flag["kind"] as? String ?? "", message = flag["message"] as? String ?? ""
                            print(TerminalText.escaped("        flag: \(kind): \(message)"))
                        }
                    }
                    for conflict in series.conflicts {
                        print(
                            TerminalText.escaped(
                                "      conflict \(conflict.sopInstanceUID)  kept as \(conflict.path)  from "
                                    + "\(conflict.sourcePath)  (archived: \(conflict.archivedPath))"))
                    }
                }
            }
        }
    }

    /// The listing, read with a reader that is gone (and the run lock released) before any output.
    private func read() throws -> ArchiveListing {
        let reader = try ArchiveReader(root: archive)
        try reader.checkIndex(full: false)
        let listing = try reader.listing(patientID: patient)
        if listing.patients.isEmpty || listing.patients.allSatisfy(\.studies.isEmpty) {
            try reportNothing(reader)
        }
        return listing
    }

    /// Says on standard error why nothing is listed: an index without images (exit 1 when the tree
    /// holds files, which the index then lost) or no patient with the Patient ID asked for (exit 1).
    private func reportNothing(_ reader: ArchiveReader) throws {
        let shown = TerminalText.escaped(archive)
        if try reader.imageCount() == 0 {
            guard try reader.treeHoldsFiles() else {
                StandardError.write("lucid: \(shown): the index records no images")
                return
            }
            if json { print("[]") }
            StandardError.write(
                "lucid: \(shown): the index records no images, yet the archive holds files: the index was lost "
                    + "or emptied; run lucid verify \(shown)")
            throw ProcessingFailure(status: 1)
        }
        guard let patient else { return }
        if json { print("[]") }
        StandardError.write("lucid: \(shown): no patient with Patient ID \"\(TerminalText.escaped(patient))\"")
        throw ProcessingFailure(status: 1)
    }

    /// The instance's flags as JSON objects; nil in an index before schema version 5 (or a value
    /// that is not a JSON array of objects).
    static func flags(_ instance: ArchiveListing.Instance) -> [[String: Any]]? {
        guard let text = instance.flags,
            let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        else { return nil }
        return parsed
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
                                    "statedSOPInstanceUID": instance.statedSOPInstanceUID ?? NSNull(),
                                    "uidNote": instance.uidNote ?? NSNull(),
                                    "flags": Self.flags(instance) ?? NSNull(),
                                ]
                            },
                            "conflicts": series.conflicts.map { conflict -> [String: Any] in
                                [
                                    "sopInstanceUID": conflict.sopInstanceUID, "path": conflict.path,
                                    "sourcePath": conflict.sourcePath, "archivedPath": conflict.archivedPath,
                                    "foundAt": conflict.foundAt,
                                ]
                            },
                        ]
                    },
                ]
            },
        ]
    }
}
