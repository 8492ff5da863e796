import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// Two `lucid process` runs into one archive at once, and SIGINT in the middle of an archiving batch.
@Suite(.serialized) struct ArchiveConcurrencyTests {
    /// A folder of `count` distinct CT instances (same series) written from one corpus file.
    static func batch(_ count: Int) throws -> ArchiveFixture {
        let fixture = try ArchiveFixture(bad: false)
        for index in 0..<count {
            try fixture.write(
                patientID: "BATCH", sopInstanceUID: "1.2.826.0.1.3680043.2.1125.9.\(index + 1)",
                to: "batch/\(index).dcm")
        }
        return fixture
    }

    static func launch(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LucidBinary.path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    @Test("two runs on the same inputs and archive at once: both exit 0, each instance indexed once")
    func concurrentRuns() throws {
        let fixture = try Self.batch(12)
        let arguments = ["process", fixture.input, "--archive", fixture.archive, "--json", "--jobs", "2"]
        let runs = try [Self.launch(arguments), Self.launch(arguments)]
        var outputs: [[[String: Any]]] = []
        for (process, pipe) in runs {
            outputs.append(ProcessFixture.jsonLines(pipe.fileHandleForReading.readDataToEndOfFile()))
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let inputs = ArchiveFixture.good.count + 2 + 12
        for lines in outputs { #expect(lines.count == inputs + 1) }
        let archived = outputs.flatMap { $0 }.filter { $0["status"] as? String == "ok" }.compactMap {
            $0["path"] as? String
        }
        #expect(archived.count == inputs, "each input archived by exactly one of the runs")
        #expect(Set(archived).count == inputs)
        let listing = try ArchiveReader(root: fixture.archive).listing()
        let instances = listing.patients.flatMap(\.studies).flatMap(\.series).flatMap(\.instances)
        #expect(instances.count == inputs)
        #expect(Set(instances.map(\.sopInstanceUID)).count == inputs)
        let verify = try LucidBinary.run(["verify", fixture.archive])
        #expect(verify.status == 0, "\(verify.outputText)")
    }

    @Test("SIGINT mid-batch: exit 130, no partial file, a clean archive; the next run completes it")
    func interruptedArchive() throws {
        let fixture = try Self.batch(30)
        let arguments = [
            "process", fixture.input, "--archive", fixture.archive, "--json", "--jobs", "1", "--preset", "chest-xray",
        ]
        let (process, pipe) = try Self.launch(arguments)
        var received = ProcessFixture.readThroughFirstLine(of: pipe.fileHandleForReading)
        process.interrupt()
        received.append(pipe.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let summary = try #require(ProcessFixture.jsonLines(received).last?["summary"] as? [String: Any])
        #expect(summary["interrupted"] as? Bool == true)
        #expect((summary["files"] as? Int).map { $0 < ArchiveFixture.good.count + 2 + 30 } == true)
        #expect(ProcessFixture.files(under: fixture.archive).allSatisfy { !$0.contains(".tmp-") })
        let manifest = try ProcessFixture.manifest(in: fixture.archive + "/" + Archive.runsFolder)
        #expect((manifest["summary"] as? [String: Any])?["interrupted"] as? Bool == true)
        let partial = try LucidBinary.run(["verify", fixture.archive])
        #expect(partial.status == 0, "every file present is complete and indexed: \(partial.outputText)")

        let (rerun, lines) = try fixture.process(["--preset", "chest-xray"])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(lines.dropLast().allSatisfy { ["ok", "skipped"].contains($0["status"] as? String ?? "") })
        let instances = try ArchiveReader(root: fixture.archive).listing().patients
            .flatMap(\.studies).flatMap(\.series).flatMap(\.instances)
        #expect(instances.count == ArchiveFixture.good.count + 2 + 30)
        #expect(try LucidBinary.run(["verify", fixture.archive]).status == 0)
    }
}
