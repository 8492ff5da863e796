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

    /// The path of `python3` when it imports pydicom and numpy; otherwise records the issue (see
    /// `require`) and returns nil.
    public static func pythonWithPydicom(sourceLocation: SourceLocation = #_sourceLocation) throws -> String? {
        let python = find("python3")
        let hasPydicom = try python.map { try run($0, ["-c", "import pydicom, numpy"]).status == 0 } ?? false
        guard
            require(
                hasPydicom, tool: "python3 with pydicom and numpy",
                install: "Install them: python3 -m pip install pydicom==3.0.2 numpy.", sourceLocation: sourceLocation)
        else { return nil }
        return python
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
