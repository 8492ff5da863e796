import ArgumentParser
import Foundation
import LucidFiles
import LucidRendering

/// `lucid`: the command-line front end. Exit status: 0 success, 1 a file could not be processed,
/// 2 bad usage.
struct LucidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lucid",
        abstract: "Make medical images legible: read DICOM, window it as the standard says, write PNG or JPEG.",
        discussion: """
            Help topics: `lucid help windows` (every --window value and the named CT windows), `lucid help \
            presets` (every --preset), `lucid help steps` (the --steps syntax and its defaults). \
            `lucid help COMMAND` or `lucid COMMAND --help` shows a command's options.
            """,
        version: LucidVersion.described,
        subcommands: [
            InfoCommand.self, DumpCommand.self, DoseCommand.self, RenderCommand.self, TranscodeCommand.self,
            ProcessCommand.self, VerifyCommand.self, DeidentifyCommand.self,
            ArchiveCommand.self,
            PresetsCommand.self, BenchCommand.self,
        ])

    /// Parses and runs, mapping failures to Lucid's exit statuses.
    static func start(_ arguments: [String]) async {
        let words = Array(arguments.dropFirst())
        if words.count == 2, words[0] == "help", let topic = HelpTopic(rawValue: words[1].lowercased()) {
            print(topic.text, terminator: "")
            exit(0)
        }
        do {
            var command = try parseAsRoot(words)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let failure as ProcessingFailure {
            exit(failure.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { StandardError.writeLines(message) }
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

/// Writes messages to standard error, escaped (`TerminalText`): no file name or header value in a
/// message reaches the terminal raw.
enum StandardError {
    /// One line: every control character in `message` is escaped, a line break in a value too.
    static func write(_ message: String) {
        let line = message.hasSuffix("\n") ? String(message.dropLast()) : message
        FileHandle.standardError.write(Data((TerminalText.escaped(line) + "\n").utf8))
    }

    /// A message of several lines by design (usage errors): each line escaped, the breaks kept.
    static func writeLines(_ message: String) {
        let text = message.hasSuffix("\n") ? String(message.dropLast()) : message
        FileHandle.standardError.write(Data((TerminalText.escapedLines(text) + "\n").utf8))
    }
}
