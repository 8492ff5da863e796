import ArgumentParser
import Foundation
import LucidBatch
import LucidDeidentify
import LucidFiles
import LucidRendering

/// `lucid deidentify INPUT... --out DIR --key-file FILE`: copies for sharing outside the hospital,
/// under the PS3.15 Basic Application Level Confidentiality Profile with keyed pseudonyms.
struct DeidentifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deidentify",
        abstract: "Write de-identified copies (PS3.15 Basic Profile) with keyed, repeatable pseudonyms.",
        discussion: """
            Every attribute is treated as PS3.15 Table E.1-1 says (removed, emptied, given a dummy value or kept), \
            into every sequence; private attributes are removed (but Table E.3.10-1's with retain-safe-private). UIDs become 2.25.<integer> from an HMAC-SHA-256 \
            of the original with the key, Patient ID becomes ANON-<16 characters> and Patient's Name \
            ANON^<the same>: the same key gives byte-identical output on every run, so two exports of one study \
            still match. Pixel Data is copied byte for byte.

            The key is read from --key-file (at least 32 bytes, readable by its owner only: chmod 600). \
            Outputs are named <Study UID>/<Series UID>/<SOP Instance UID>.dcm below --out, from the \
            pseudonymous UIDs only. Originals are never modified.

            Burned-in text: a file with Burned In Annotation YES is held back unless --allow-burned-in; one of \
            modality US, OT, SC, XA, RF, ES, XC or GM, or of a Secondary Capture SOP class, without the attribute \
            is held back unless --assume-no-burned-in. Text burned into the pixels is not detected.

            Options (--option, repeatable): \(ConfidentialityOption.allCases.filter(\.isImplemented).map(\.name)
                .joined(separator: ", ")).
            --json prints one line per input: {"path", "status" (written, held-back, failed, skipped: not DICOM), \
            "output", "error"}. Two inputs with one SOP Instance UID: the second fails.
            Exit status: 0 all written, 1 a file failed or was held back, 2 bad usage or an unusable key.
            """)

    @Argument(help: "DICOM files and folders (searched recursively).")
    var inputs: [String] = []

    @Option(
        name: .customLong("files-from"),
        help: "Read more input paths from FILE, one a line (at most 64 KiB, no NUL); - for standard input.")
    var filesFrom: String?

    @Option(help: "Folder for the de-identified files.")
    var out: String

    @Option(name: .customLong("key-file"), help: "File holding the secret key (at least 32 bytes, mode 600).")
    var keyFile: String

    @Option(name: .customLong("option"), help: "A PS3.15 option to apply, e.g. retain-device-identity.")
    var optionNames: [String] = []

    @Flag(help: "One JSON line per input on standard output.")
    var json = false

    @Option(help: "Files processed at once, 1...64 (default: all cores).")
    var jobs: Int?

    @Option(help: "Write original -> pseudonym rows (tab-separated, mode 600) to this file.")
    var mapping: String?

    @Flag(name: .customLong("allow-burned-in"), help: "Write files whose Burned In Annotation is YES.")
    var allowBurnedIn = false

    @Flag(
        name: .customLong("assume-no-burned-in"),
        help: "Write files of text-bearing modalities that do not say whether text is burned in.")
    var assumeNoBurnedIn = false

    @OptionGroup var limits: LimitOptions

    var options: Set<ConfidentialityOption> {
        get throws { try ProcessDeidentifyOptions.options(named: optionNames) }
    }

    var jobCount: Int { jobs ?? min(64, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    func validate() throws {
        if inputs.isEmpty && filesFrom == nil {
            throw ValidationError("no inputs: give DICOM files or folders, or --files-from")
        }
        _ = try options
        guard (1...64).contains(jobCount) else { throw ValidationError("--jobs must be 1...64, not \(jobCount)") }
        _ = try limits.readLimits(jobs: jobCount)
    }

    func run() throws {
        let deidentifier = try ProcessDeidentifyOptions.deidentifier(
            keyFile: keyFile, options: options, allowBurnedIn: allowBurnedIn, assumeNoBurnedIn: assumeNoBurnedIn)
        let run = DeidentifyRun(
            deidentifier: deidentifier, outputFolder: out, readLimits: try limits.readLimits(jobs: jobCount),
            jobs: jobCount)
        let lines = try LineReader.filesFrom(filesFrom)
        let outcomes = run.run(inputs: inputs, lines: lines)
        for outcome in outcomes { report(outcome) }
        var failed = outcomes.contains { $0.status == .failed || $0.status == .heldBack }
        if let mapping {
            do {
                try run.writeMapping(outcomes.flatMap(\.mapping), to: mapping)
            } catch {
                StandardError.write("lucid: \(error)")
                failed = true
            }
        }
        if failed { throw ProcessingFailure() }
    }

    func report(_ outcome: DeidentifyOutcome) {
        if json {
            print(outcome.jsonLine)
        } else if let output = outcome.output {
            print(TerminalText.escaped("\(outcome.path) -> \(output)"))
        }
        if let error = outcome.error { StandardError.write("lucid: \(error)") }
    }
}
