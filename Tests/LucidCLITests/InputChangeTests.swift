import Foundation
import LucidTestSupport
import Testing

/// Inputs that disappear or shrink while `lucid process` runs. The test feeds the paths through
/// `--files-from -` with one job, so it decides when the batch sees each path: it deletes one file
/// and truncates another once the first output is out, after their paths may already be queued.
@Suite struct InputChangeTests {
    @Test("a file deleted and one truncated mid-batch fail by name; the rest is processed and archived")
    func deletedAndTruncated() throws {
        let fixture = try ArchiveConcurrencyTests.batch(10)
        let paths = (0..<10).map { fixture.input + "/batch/\($0).dcm" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LucidBinary.path)
        process.arguments = [
            "process", "--files-from", "-", "--out", fixture.base.output, "--archive", fixture.archive, "--json",
            "--jobs", "1",
        ]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(paths[0..<4].map { $0 + "\n" }.joined().utf8))
        var received = ProcessFixture.readThroughFirstLine(of: output.fileHandleForReading)
        try FileManager.default.removeItem(atPath: paths[2])
        let whole = try #require(FileManager.default.contents(atPath: paths[3]))
        try Data(whole.prefix(whole.count / 2)).write(to: URL(fileURLWithPath: paths[3]))
        let untouched = try fixture.base.inputHashes()
        input.fileHandleForWriting.write(Data(paths[4...].map { $0 + "\n" }.joined().utf8))
        try input.fileHandleForWriting.close()
        received.append(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()

        #expect(process.terminationStatus == 1)
        let outcomes = BatchFaultTests.outcomes(ProcessFixture.jsonLines(received))
        #expect(outcomes.count == 10, "every path is reported")
        let deleted = try #require(outcomes[paths[2]])
        #expect(
            deleted.status == "failed" && deleted.error.contains(paths[2]) && deleted.error.contains("no such file"))
        let truncated = try #require(outcomes[paths[3]])
        #expect(truncated.status == "failed" && truncated.error.contains(paths[3]))
        #expect(truncated.error.contains("truncated"), "\(truncated.error)")
        for path in paths where path != paths[2] && path != paths[3] {
            #expect(outcomes[path]?.status == "ok", "\(path): \(outcomes[path]?.error ?? "missing")")
        }
        #expect(try fixture.base.inputHashes() == untouched)
        #expect(TmpfsMount.temporaryFiles(under: fixture.base.folder).isEmpty)
        BatchFaultTests.expectCompleteRenditions(under: fixture.base.output)
        let verify = try LucidBinary.run(["verify", fixture.archive])
        #expect(verify.status == 0, "\(verify.outputText)")
    }
}
