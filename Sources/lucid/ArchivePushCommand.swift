import ArgumentParser
import Foundation
import LucidArchive
import LucidBatch
import LucidFiles
import LucidPACS

/// `lucid archive push SRC --to dicomweb+http://HOST:PORT/PATH`: brings what a local archive holds
/// (originals and derived DICOMs) to a PACS, resuming where an earlier push stopped.
struct ArchivePushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Push the originals and derived DICOMs of an archive to a PACS over DICOMweb (STOW-RS).",
        discussion: """
            Every original and derived DICOM the index of SRC records is checked against its indexed SHA-256, \
            asked for by QIDO-RS (an instance the PACS holds already is not sent again), uploaded by STOW-RS \
            (--batch instances a request, --connections requests at once) and confirmed by QIDO-RS. The index \
            records per instance and PACS whether and when it got there, so an interrupted push resumes where it \
            stopped.
            Credentials: --user or LUCID_DICOMWEB_USER; the password from LUCID_DICOMWEB_PASSWORD or a netrc \
            file (--netrc-file, default ~/.netrc; machine = the PACS host). A 401 stops the push with one message.
            Each request is bounded: --pacs-timeout in all (default 120 s, plus 4 s per MiB uploaded) and \
            --max-reply-size for its reply (default 4 MiB); Ctrl-C gives up the requests in flight at once, and \
            what they did not finish is not recorded.
            --json: one line per instance {error, path, seconds, sopInstanceUID, status: uploaded|present|failed} \
            and a final {"summary": {alreadyPresent, failed, instances, interrupted, seconds, uploaded}}. A run \
            manifest is written to SRC/runs/.
            Exit status: 0 every instance is in the PACS, 1 some instance failed or the PACS refused the \
            credentials, 2 bad usage, 130 interrupted (143 after SIGTERM).
            """)

    @Argument(help: "The archive folder (holding index.sqlite).")
    var source: String

    @Option(help: ArgumentHelp("The PACS: dicomweb+http://HOST:PORT/PATH or dicomweb+https://…", valueName: "url"))
    var to: String

    @OptionGroup var pacsOptions: PACSOptions

    @Option(help: "Instances per STOW-RS request (1...500).")
    var batch = 16

    @Option(
        help: ArgumentHelp("HTTP requests to the PACS in flight at once, 1...16 (default 2).", valueName: "n"))
    var connections: Int?

    @Option(name: .customLong("jobs"), help: .hidden)
    var deprecatedJobs: Int?

    /// `--connections`, or its old spelling `--jobs`; 2 when neither is given.
    var connectionCount: Int { connections ?? deprecatedJobs ?? 2 }

    @Flag(help: "One JSON line per instance and a summary line on standard output.")
    var json = false

    @Flag(
        help:
            "No progress line and no summary (failures are still listed on standard error unless --json; JSON lines are still printed with --json)."
    )
    var quiet = false

    func validate() throws {
        guard (1...500).contains(batch) else { throw ValidationError("--batch must be 1...500") }
        if let deprecatedJobs {
            Deprecation.note("archive push --jobs", use: "--connections \(deprecatedJobs)")
            if connections != nil { throw ValidationError("give --connections once (--jobs is its old spelling)") }
        }
        guard (1...16).contains(connectionCount) else { throw ValidationError("--connections must be 1...16") }
        _ = try target
    }

    var target: PACSTarget {
        get throws {
            do {
                return try PACSTarget(parsing: to)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func run() async throws {
        let archive: Archive
        ArchiveLock.announceWait(root: source)
        do {
            archive = try Archive(root: source, create: false)
        } catch {
            StandardError.write("lucid: \(error)")
            throw ProcessingFailure(status: 1)
        }
        let interruption = Interruption()
        let uploader = try await pacsOptions.uploader(for: try target, batchSize: batch, interruption: interruption)
        let push = ArchivePush(archive: archive, uploader: uploader, jobs: connectionCount)
        uploader.whenHalted { halt in if halt.isConfiguration { push.cancel() } }
        let reporter = PushReporter(json: json, quiet: quiet, showProgress: !quiet && isatty(2) == 1)
        let manifest = PushManifest(
            archive: archive, pacs: uploader.target.description, arguments: Array(CommandArguments.all.dropFirst()))
        interruption.onSignal { push.cancel() }
        let summary: ArchivePushSummary
        do throws(ArchiveError) {
            summary = try await push.run { event in
                reporter.report(event)
                manifest.record(event)
            }
        } catch {
            interruption.stop()
            StandardError.write("lucid: \(error)")
            throw ProcessingFailure(status: 1)
        }
        interruption.stop()
        var status =
            summary.interrupted && summary.halt?.isConfiguration != true
            ? interruption.exitStatus : summary.exitStatus
        do throws(ManifestWriteError) {
            reporter.finish(summary, target: uploader.target, manifest: try manifest.write(summary: summary))
        } catch {
            reporter.finish(summary, target: uploader.target, manifest: nil)
            StandardError.write("lucid: \(error)")
            if status == 0 { status = 1 }
        }
        if status != 0 { throw ProcessingFailure(status: status) }
    }
}
