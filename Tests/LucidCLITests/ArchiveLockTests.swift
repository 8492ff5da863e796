import Foundation
import LucidArchive
import LucidDICOM
import LucidTestSupport
import Testing

/// The run lock from the writer's side: a run that opens an archive while `lucid verify` holds the
/// lock says so and waits, then completes.
@Suite struct ArchiveLockTests {
    @Test("lucid process waits, saying why, while a verification holds the lock; then it completes")
    func writerWaitsForVerify() throws {
        let fixture = try ArchiveFixture(bad: false)
        try FileManager.default.createDirectory(atPath: fixture.archive, withIntermediateDirectories: true)
        let lockPath = fixture.archive + "/" + ArchiveLock.fileName
        let descriptor = open(lockPath, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        #expect(ArchiveLock.isHeldExclusively(root: fixture.archive))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: LucidBinary.path)
        process.arguments = [
            "process", fixture.input, "--archive", fixture.archive, "--steps", "window:file", "--quiet",
        ]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        #expect(process.isRunning, "the writer waits for the lock")
        #expect(!FileManager.default.fileExists(atPath: fixture.archive + "/index.sqlite"), "nothing written yet")
        #expect(flock(descriptor, LOCK_UN) == 0)
        let message = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        #expect(
            message.contains("is being checked by lucid verify") && message.contains("waiting for it to finish"),
            "\(message)")
        #expect(try LucidBinary.run(["verify", fixture.archive]).status == 0)
    }

    @Test("verify during a lucid process run: archive busy (exit 3) while it writes, never a false finding")
    func verifyDuringRun() throws {
        let fixture = try ArchiveFixture(bad: false)
        for index in 0..<40 {
            try fixture.write(
                patientID: "BUSY-\(index % 4)", sopInstanceUID: DICOMUID.generate(), to: "many/\(index).dcm")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LucidBinary.path)
        process.arguments = [
            "process", fixture.input, "--archive", fixture.archive, "--steps", "window:file", "--quiet",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        while process.isRunning && !FileManager.default.fileExists(atPath: fixture.archive + "/index.sqlite") {
            Thread.sleep(forTimeInterval: 0.02)
        }
        var busy = 0
        while process.isRunning {
            let result = try LucidBinary.run(["verify", fixture.archive])
            if result.status == 3 {
                busy += 1
                #expect(result.standardError.contains("archive busy"), "\(result.standardError)")
            } else {
                #expect(result.status == 0, "only a finished run verifies: \(result.outputText)\(result.standardError)")
            }
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(busy >= 1, "verify ran at least once while the run was writing")
        #expect(try LucidBinary.run(["verify", fixture.archive]).status == 0)
    }
}
