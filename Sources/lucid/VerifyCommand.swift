import ArgumentParser
import Foundation
import LucidArchive

/// `lucid verify DIR`: recomputes every checksum of an archive and checks the index against the files.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an archive: every indexed file present with its recorded size and SHA-256, no unindexed file.",
        discussion: """
            Lists missing files (indexed, not on disk), altered files (size or SHA-256 differs from the index) and \\
            unindexed files (in the archive tree but not in the index; index.sqlite* and temporary .NAME.tmp-* files \\
            of writes in progress are ignored). With --json, one object {"altered":[{"path","reason"}],"checked",\\
            "missing","ok","unindexed"} with archive-relative paths.
            Exit status: 0 clean, 1 a problem was found (or the archive cannot be read), 2 bad usage.
            """)

    @Argument(help: "The archive folder (holding index.sqlite).")
    var archive: String

    @Flag(help: "Print the findings as one JSON object.")
    var json = false

    func run() throws {
        let report: VerificationReport
        do {
            report = try Archive(root: archive, create: false).verify()
        } catch {
            StandardError.write("lucid: \(error)")
            throw ProcessingFailure(status: 1)
        }
        if json {
            let object: [String: Any] = [
                "ok": report.isClean, "checked": report.checked, "missing": report.missing,
                "altered": report.altered.map { ["path": $0.path, "reason": $0.reason] },
                "unindexed": report.unindexed,
            ]
            print(JSONText.encode(object))
        } else {
            for path in report.missing { print("missing: \(path)") }
            for altered in report.altered { print("altered: \(altered.path) (\(altered.reason))") }
            for path in report.unindexed { print("unindexed: \(path)") }
            let problems = report.missing.count + report.altered.count + report.unindexed.count
            StandardError.write(
                "lucid: \(report.checked) indexed file(s) checked in \(archive): "
                    + (report.isClean ? "all intact" : "\(problems) problem(s)"))
        }
        if !report.isClean { throw ProcessingFailure(status: 1) }
    }
}

/// Compact JSON with sorted keys and unescaped slashes, for the archive commands.
enum JSONText {
    static func encode(_ object: Any) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
