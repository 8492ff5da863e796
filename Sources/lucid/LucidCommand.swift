import ArgumentParser
import Foundation
import LucidPipeline

/// `lucid`: the command-line front end. Exit status: 0 success, 1 a file could not be processed,
/// 2 bad usage.
struct LucidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lucid",
        abstract: "Make medical images legible: read DICOM, window it as the standard says, write PNG or JPEG.",
        version: LucidVersion.current,
        subcommands: [
            InfoCommand.self, RenderCommand.self, ProcessCommand.self, VerifyCommand.self, ArchiveCommand.self,
            PresetsCommand.self, BenchCommand.self,
        ])

    /// Parses and runs, mapping failures to Lucid's exit statuses.
    static func main(_ arguments: [String]) {
        do {
            var command = try parseAsRoot(Array(arguments.dropFirst()))
            try command.run()
        } catch let failure as ProcessingFailure {
            exit(failure.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { StandardError.write(message) }
            exit(2)
        }
    }

    static func exit(_ status: Int32) -> Never {
        fflush(nil)
        Foundation.exit(status)
    }
}

/// Thrown by a command after it has reported its own failures: carries the exit status.
struct ProcessingFailure: Error {
    var status: Int32 = 1
}

/// Writes lines to standard error.
enum StandardError {
    static func write(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }
}
