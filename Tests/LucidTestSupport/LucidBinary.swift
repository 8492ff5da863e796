import Foundation

/// Runs the built `lucid` executable, which SwiftPM builds beside the test bundle.
public enum LucidBinary {
    public struct Result: Sendable {
        public let status: Int32
        public let standardOutput: Data
        public let standardError: String
        public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    /// The executable's path: the folder of the running test binary, or `LUCID_BINARY`.
    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["LUCID_BINARY"] { return override }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // On Linux the test binary is `<build>/LucidPackageTests.xctest`; inside a bundle, climb out.
        while folder.path.contains(".xctest") { folder = folder.deletingLastPathComponent() }
        return folder.appendingPathComponent("lucid").path
    }

    /// Runs `lucid` with `arguments`, feeding `input` to standard input, and waits for it. `lucid`
    /// may stop reading its input early (a size limit): the write then fails quietly instead of
    /// raising SIGPIPE in the test process.
    public static func run(_ arguments: [String], input: Data? = nil) throws -> Result {
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { try? standardInput.fileHandleForWriting.write(contentsOf: input) }
        try? standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: outputData,
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A fresh empty folder under the temporary directory.
    public static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "lucid-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
