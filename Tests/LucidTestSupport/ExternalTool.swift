import Foundation
import Testing

/// Running an external validator (DCMTK's `dcmdump`, Python with pydicom). A missing tool is never
/// a silent pass: it records an issue, worded for CI (where `.ci/run` installs the tool) or for a
/// developer machine.
public enum ExternalTool {
    public struct Result: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// The executable's path on PATH, or nil.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Records the issue for a missing tool and returns false, or returns true when `available`.
    public static func require(
        _ available: Bool, tool: String, install: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        -> Bool
    {
        if available { return true }
        let message: String
        if ProcessInfo.processInfo.environment["CI"] != nil {
            message =
                "\(tool) is missing and CI is set: the DICOM files were NOT validated. \(install) "
                + "(.ci/run does this)."
        } else {
            message = "\(tool) is not installed, so this external validation did not run (not a pass). \(install)"
        }
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        return false
    }

    public static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}
