import ArgumentParser
import Foundation
import LucidDICOMweb
import LucidPACS

/// The options of a command that talks to a PACS: who to be, where the password comes from, and
/// how long and how large one request may be. There is deliberately no password option: a
/// password on the command line would show in process lists and shell histories.
struct PACSOptions: ParsableArguments {
    @Option(help: "PACS user name (default: LUCID_DICOMWEB_USER, else the netrc file's login for the host).")
    var user: String?

    @Option(
        name: .customLong("netrc-file"),
        help: "netrc file with the PACS password (machine = host; default ~/.netrc when present).")
    var netrcFile: String?

    @Option(
        name: .customLong("pacs-timeout"),
        help: ArgumentHelp(
            "Longest one request to the PACS may take in all, connection, upload and reply, in seconds, however "
                + "steadily bytes come (default \(Self.secondsText(RequestLimits().deadline)); an upload gets "
                + "\(Self.secondsText(RequestLimits().secondsPerUploadedMiB)) s more per MiB it sends). A request "
                + "past it is not retried and stops the pushing.",
            valueName: "seconds"))
    var pacsTimeout: Double?

    @Option(
        name: .customLong("max-reply-size"),
        help: ArgumentHelp(
            "Largest reply body read from the PACS, e.g. 16MiB (default "
                + "\(ByteSize.describe(RequestLimits.defaultMaximumReplyBytes)); QIDO-RS and STOW-RS replies are "
                + "short JSON, well under 1 MB). A larger reply stops the run.",
            valueName: "size"))
    var maxReplySize: String?

    /// The limits of each request: the defaults, with `--pacs-timeout` and `--max-reply-size` when given.
    var requestLimits: RequestLimits {
        get throws {
            var limits = RequestLimits()
            if let pacsTimeout {
                guard pacsTimeout.isFinite, (1...86_400).contains(pacsTimeout) else {
                    throw ValidationError("--pacs-timeout must be 1...86400 seconds")
                }
                limits.deadline = pacsTimeout
            }
            if let maxReplySize {
                limits.maximumReplyBytes = try SizeOption.bytes(maxReplySize, option: "--max-reply-size", minimum: 1024)
            }
            return limits
        }
    }

    func validate() throws {
        _ = try requestLimits
    }

    /// An uploader for `target` with the resolved credentials, checked against the PACS once; a
    /// signal during the check gives it up. Prints one message and throws `ProcessingFailure` when
    /// the credentials cannot be resolved (status 2), the PACS refuses them or the URL (status 1),
    /// or a signal came (130, or 143 for SIGTERM), in every case before anything is written. A PACS
    /// that cannot be reached is not an error here: the files then fail one by one, each saying so.
    func uploader(for target: PACSTarget, batchSize: Int, interruption: Interruption) async throws -> PACSUploader {
        let uploader: PACSUploader
        do {
            let credentials = try DICOMwebCredentials.resolve(user: user, host: target.host, netrcPath: netrcFile)
            uploader = try PACSUploader(
                target: target, credentials: credentials, batchSize: batchSize, limits: try requestLimits)
        } catch {
            StandardError.write("lucid: \(target): \(error)")
            throw ProcessingFailure(status: 2)
        }
        interruption.onSignal { uploader.cancel() }
        let halt = await uploader.checkAccess()
        if interruption.signalReceived != nil {
            StandardError.write("lucid: interrupted while checking access to \(target); nothing was done")
            throw ProcessingFailure(status: interruption.exitStatus)
        }
        if let halt, halt.isConfiguration {
            StandardError.write("lucid: \(halt.message)")
            throw ProcessingFailure(status: 1)
        }
        return uploader
    }

    /// `120`, or `1.5` when not whole.
    private static func secondsText(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
