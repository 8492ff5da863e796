import ArgumentParser
import Foundation
import LucidArchive
import LucidFiles
import LucidRendering

/// `lucid verify DIR`: checks the index, recomputes every checksum of an archive and checks the
/// index against the files.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an archive: every indexed file present with its recorded size and SHA-256, no unindexed file.",
        discussion: """
            Reads only: works on a read-only mount. First checks the index itself (SQLite's integrity_check, \
            plausible paths); a damaged index is reported and no file is checked. Then lists missing files \
            (indexed, not on disk), altered files (size or SHA-256 differs, or a symbolic link or other file where \
            the index expects a file or folder), unindexed files (in the tree, not in the index; index.sqlite* and \
            run manifests are ignored), symbolic links (reported, never followed), unreadable files and folders, and \
            leftovers of interrupted writes, with their size: temporary files (.NAME.tmp-*) and complete files a \
            killed run renamed into place before indexing them, which its commit journal \
            (.commit-journal.tmp-*) names; leftovers do not make the archive unclean, and the next run over the \
            same inputs removes or files them. Names that are not UTF-8 and control characters are shown as \\xhh. With --json, one \
            object {"altered":[{"path","reason"}],"checked","leftovers":[{"path","size"}],"links":[{"path",\
            "target"}],"missing","ok","unindexed","unreadable":[{"path","reason"}]} with archive-relative paths.
            Exit status: 0 clean, 1 a problem was found (or the index is damaged or cannot be read), 2 bad usage, \
            3 archive busy: a lucid process or lucid archive push run is writing to it (retry after the run).
            """)

    @Argument(help: "The archive folder (holding index.sqlite).")
    var archive: String

    @Flag(help: "Print the findings as one JSON object.")
    var json = false

    func run() throws {
        let report: VerificationReport
        do {
            report = try ArchiveReader(root: archive, exclusive: true).verify()
        } catch .busy {
            StandardError.write("lucid: \(TerminalText.escaped(ArchiveError.busy(path: archive).description))")
            throw ProcessingFailure(status: 3)
        } catch .damagedIndex(let path, let findings) {
            let error = ArchiveError.damagedIndex(path: path, findings: findings)
            StandardError.write("lucid: \(TerminalText.escaped(error.description)). No file was checked.")
            throw ProcessingFailure(status: 1)
        } catch {
            StandardError.write("lucid: \(TerminalText.escaped(error.description))")
            throw ProcessingFailure(status: 1)
        }
        if json {
            print(JSONText.encode(Self.object(report)))
        } else {
            var lines = report.missing.map { "missing: \($0)" }
            lines += report.altered.map { "altered: \($0.path) (\($0.reason))" }
            lines += report.unindexed.map { "unindexed: \($0)" }
            lines += report.links.map { "link: \($0.path) -> \($0.target) (not followed)" }
            lines += report.unreadable.map { "unreadable: \($0.path) (\($0.reason))" }
            lines += report.leftovers.map { "leftover: \($0.path) (\($0.size) bytes)" }
            for line in lines { print(TerminalText.escaped(line)) }
            var summary =
                "lucid: \(report.checked) indexed file(s) checked in \(archive): "
                + (report.isClean ? "all intact" : "\(report.problems) problem(s)")
            if !report.leftovers.isEmpty {
                let bytes = report.leftovers.reduce(Int64(0)) { $0 + $1.size }
                summary +=
                    "; \(report.leftovers.count) leftover file(s) of interrupted writes (\(bytes) bytes, "
                    + "no indexed data; safe to delete while no run writes)"
            }
            StandardError.write(TerminalText.escaped(summary))
        }
        if !report.isClean { throw ProcessingFailure(status: 1) }
    }

    static func object(_ report: VerificationReport) -> [String: Any] {
        [
            "ok": report.isClean, "checked": report.checked, "missing": report.missing,
            "altered": report.altered.map { ["path": $0.path, "reason": $0.reason] },
            "unindexed": report.unindexed,
            "leftovers": report.leftovers.map { ["path": $0.path, "size": $0.size] as [String: Any] },
            "links": report.links.map { ["path": $0.path, "target": $0.target] },
            "unreadable": report.unreadable.map { ["path": $0.path, "reason": $0.reason] },
        ]
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
