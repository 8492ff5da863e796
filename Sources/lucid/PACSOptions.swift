import ArgumentParser
import Foundation
import LucidDICOMweb
import LucidPipeline

/// The options of a command that talks to a PACS: who to be, and where the password comes from.
/// There is deliberately no password option: a password on the command line would show in process
/// lists and shell histories.
struct PACSOptions: ParsableArguments {
    @Option(help: "PACS user name (default: LUCID_DICOMWEB_USER, else the netrc file's login for the host).")
    var user: String?

    @Option(
        name: .customLong("netrc-file"),
        help: "netrc file with the PACS password (machine = host; default ~/.netrc when present).")
    var netrcFile: String?

    /// An uploader for `target` with the resolved credentials, checked against the PACS once.
    /// Prints one message and throws `ProcessingFailure` when the credentials cannot be resolved
    /// (status 2) or the PACS refuses them or the URL (status 1). A PACS that cannot be reached is
    /// not an error here: the files then fail one by one, each saying so.
    func uploader(for target: PACSTarget, batchSize: Int) throws -> PACSUploader {
        let uploader: PACSUploader
        do {
            let credentials = try DICOMwebCredentials.resolve(user: user, host: target.host, netrcPath: netrcFile)
            uploader = try PACSUploader(target: target, credentials: credentials, batchSize: batchSize)
        } catch {
            StandardError.write("lucid: \(target): \(error)")
            throw ProcessingFailure(status: 2)
        }
        if let halt = BlockingTask.run({ await uploader.checkAccess() }), halt.isConfiguration {
            StandardError.write("lucid: \(halt.message)")
            throw ProcessingFailure(status: 1)
        }
        return uploader
    }
}
