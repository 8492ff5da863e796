import Foundation
import LucidTestSupport

/// Runs a command with a deadline: a run that has not ended by then is killed (SIGKILL) and
/// reported as such, so a hang fails the test instead of stopping the suite.
enum BoundedRun {
    struct Result {
        /// The exit status, or nil when the run was killed at the deadline.
        let status: Int32?
        let standardOutput: Data
        let standardError: Data
        var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
        var errorText: String { String(decoding: standardError, as: UTF8.self) }
    }

    /// Runs `script` with `/bin/sh -c`, `$LUCID` set to the `lucid` under test, plus `environment`;
    /// shell quoting lets a test pass arguments whose bytes are not UTF-8 (`printf '\351'`).
    static func shell(_ script: String, environment: [String: String] = [:], seconds: Double) throws -> Result {
        var variables = ProcessInfo.processInfo.environment
        variables["LUCID"] = LucidBinary.path
        variables.merge(environment) { _, new in new }
        return try run("/bin/sh", ["-c", script], environment: variables, seconds: seconds)
    }

    /// Runs `executable` with `arguments`; `prepare` may write to standard input (then close it),
    /// given the running process.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, seconds: Double,
        prepare: (Process, FileHandle) throws -> Void = { _, input in try input.close() }
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe(), error = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        let outputData = Mutexed(Data()), errorData = Mutexed(Data())
        let readers = DispatchGroup()
        for (pipe, data) in [(output, outputData), (error, errorData)] {
            DispatchQueue.global().async(group: readers) {
                let read = pipe.fileHandleForReading.readDataToEndOfFile()
                data.update { $0 = read }
            }
        }
        try prepare(process, input.fileHandleForWriting)
        let inTime = finished.wait(timeout: .now() + seconds) == .success
        if !inTime {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        readers.wait()
        return Result(
            status: inTime ? process.terminationStatus : nil, standardOutput: outputData.value,
            standardError: errorData.value)
    }
}
