import Foundation
import LucidArchive
import LucidDICOM
import LucidTestSupport
import Testing

/// Inputs for the PACS tests: DICOM files with fresh SOP Instance UIDs (so tests sharing one
/// Orthanc never see each other's instances), a local archive folder, and `lucid` run with a
/// chosen environment (the credentials travel only in the environment).
struct PACSFixture {
    let folder: String
    var input: String { folder + "/in" }
    var archive: String { folder + "/archive" }
    /// The SOP Instance UIDs of the inputs, in file order.
    let sourceUIDs: [String]

    /// `count` DICOM files `in/NN.dcm`, made from the corpus CT with fresh SOP Instance UIDs.
    init(count: Int) throws {
        folder = try LucidBinary.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        var uids: [String] = []
        for index in 1...count {
            let uid = DICOMUID.generate()
            let bytes = try ArchiveFixture.dicom(patientID: "PACS-TEST", sopInstanceUID: uid)
            let path = folder + "/in/" + String(format: "%02d.dcm", index)
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            uids.append(uid)
        }
        sourceUIDs = uids
    }

    /// Runs `lucid` to the end (see `launch`).
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> LucidRun.Result {
        try launch(arguments, environment: environment).wait()
    }

    /// Starts `lucid` with the test process's environment, `LUCID_DICOMWEB_*` removed, then
    /// `environment` added; `HOME` points at the fixture folder so no developer's ~/.netrc is read.
    func launch(_ arguments: [String], environment: [String: String] = [:]) throws -> LucidRun {
        var variables = ProcessInfo.processInfo.environment
        variables["LUCID_DICOMWEB_USER"] = nil
        variables["LUCID_DICOMWEB_PASSWORD"] = nil
        variables["HOME"] = folder
        variables.merge(environment) { _, new in new }
        return try LucidRun(arguments, environment: variables, folder: folder)
    }

    /// The archive's original and derived DICOM files: relative path, SOP Instance UID and bytes.
    func archivedDICOM() throws -> [(path: String, uid: String, bytes: Data)] {
        let opened = try Archive(root: archive, create: false)
        return try opened.pushableFiles(pacs: "").map { file in
            (
                file.path, file.sopInstanceUID,
                try #require(FileManager.default.contents(atPath: archive + "/" + file.path))
            )
        }
    }

    /// The summary object of `--json` output.
    static func summary(_ result: LucidRun.Result) -> [String: Any]? {
        ProcessFixture.jsonLines(result.standardOutput).last?["summary"] as? [String: Any]
    }
}

/// A `lucid` process whose standard output and error go to files (so a long run never blocks on a
/// full pipe).
final class LucidRun {
    struct Result {
        let status: Int32
        let standardOutput: Data
        let standardError: String
        var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    private let process = Process()
    private let outputPath: String
    private let errorPath: String

    init(_ arguments: [String], environment: [String: String], folder: String) throws {
        let name = UUID().uuidString
        outputPath = folder + "/stdout-" + name
        errorPath = folder + "/stderr-" + name
        #expect(FileManager.default.createFile(atPath: outputPath, contents: nil))
        #expect(FileManager.default.createFile(atPath: errorPath, contents: nil))
        process.executableURL = URL(fileURLWithPath: LucidBinary.path)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// Sends `number` (SIGINT, SIGTERM) to the process.
    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits up to `seconds` for the end; a process still running then is killed (SIGKILL) and
    /// nil returned, so a hang fails a test instead of holding it.
    func wait(atMost seconds: Double) -> Result? {
        let end = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return wait()
    }

    /// Waits for the end and reads what it printed.
    func wait() -> Result {
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: FileManager.default.contents(atPath: outputPath) ?? Data(),
            standardError: String(decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self))
    }
}
