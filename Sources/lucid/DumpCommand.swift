import ArgumentParser
import Foundation
import LucidDICOM
import LucidFiles
import LucidRendering

/// `lucid dump FILE... [--json]`: every element of each file, as `dcmdump` shows them, or the DICOM
/// JSON model of PS3.18 F.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Show every element of DICOM files: tag, VR, length, keyword and value, sequences nested.",
        discussion: """
            Text: one line per element, File Meta Information first; text values in [brackets], numbers \
            decoded, other binary values as their first bytes in hex, Pixel Data as its length and \
            fragments; values longer than 64 characters are cut with "..." unless --full is given. \
            With --json, the DICOM JSON model of PS3.18 Annex F, File Meta Information included: one \
            object per file (an array of the files read when several are given). Pixel Data, Float and \
            Double Float Pixel Data carry only their "vr" unless --pixel-data is given; every other \
            binary value is written as InlineBinary (base64). Exit status 1 when a file cannot be read \
            (named on standard error); the other files are still dumped.
            """)

    @Argument(help: "DICOM files to dump.")
    var files: [String]

    @Flag(help: "Print the DICOM JSON model (PS3.18 F) instead of text.")
    var json = false

    @Flag(help: "Show long values whole instead of cutting them at 64 characters.")
    var full = false

    @Flag(name: .customLong("pixel-data"), help: "With --json, include the pixel data as InlineBinary (base64).")
    var pixelData = false

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let readLimits = try limits.readLimits
        var failed = false
        var models: [[String: Any]] = []
        var blocks: [String] = []
        for path in files {
            do throws(DICOMError) {
                let file = try DICOMFile.read(path: path, limits: readLimits)
                if json {
                    models.append(file.jsonModel(includingPixelData: pixelData))
                } else {
                    blocks.append(DataSetDump(valueLimit: full ? nil : 64).lines(for: file).joined(separator: "\n"))
                }
            } catch {
                StandardError.write(error.description)
                failed = true
            }
        }
        if json {
            let value: Any? = files.count == 1 ? models.first.map { $0 as Any } : models as Any
            if let value {
                let data = LucidFiles.JSONText.data(
                    value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                print(data.map { String(decoding: $0, as: UTF8.self) } ?? "{}")
            }
        } else if !blocks.isEmpty {
            print(blocks.joined(separator: "\n\n"))
        }
        if failed { throw ProcessingFailure() }
    }
}
