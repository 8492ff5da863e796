import ArgumentParser
import Foundation
import LucidRendering

/// `lucid info FILE... [--json]`: the facts to check before processing.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show patient, study, pixel and display facts of DICOM files.",
        discussion: """
            Exit status 1 when any file cannot be read (it is reported under "error", once: in the text on \
            standard output, or with --json in the object and on standard error); the others are still shown. \
            With --json, one JSON object per file (an array when several files are given).
            """)

    @Argument(help: "DICOM files to describe.")
    var files: [String]

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let readLimits = try limits.readLimits
        let reports = files.map { ImageReport(path: $0, limits: readLimits) }
        if json {
            print(ImageReport.json(reports))
        } else {
            print(reports.map(\.text).joined(separator: "\n\n"))
        }
        // The text already shows each error in its file's block; JSON keeps standard output to data, so
        // there the errors are said on standard error too.
        if json {
            for report in reports { if let error = report.error { StandardError.write(error) } }
        }
        if reports.contains(where: { $0.error != nil }) { throw ProcessingFailure() }
    }
}
