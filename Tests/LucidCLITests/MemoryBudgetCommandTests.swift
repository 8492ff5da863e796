import Foundation
import LucidTestSupport
import Testing

/// The memory budget through the CLI: `--max-memory` divided by `--jobs`, a deflate bomb refused
/// within the budget (measured as the child's peak resident memory), and `--jobs`/`--threads`
/// beyond their caps refused as bad usage at once.
@Suite struct MemoryBudgetCommandTests {
    static func outcomes(_ result: MeasuredChild.Result) -> [String: (status: String, error: String)] {
        BatchFaultTests.outcomes(ProcessFixture.jsonLines(Data(result.standardOutput.utf8)))
    }

    @Test(
        "--jobs and --threads beyond 1...256, or past Int, exit 2 at once",
        arguments: [
            ["--jobs", "4611686018427387904"], ["--jobs", "4611686018427387903"], ["--jobs", "257"],
            ["--jobs", "0"], ["--jobs", "99999999999999999999"], ["--threads", "257"],
            ["--threads", "9223372036854775807"],
        ])
    func concurrencyCaps(_ option: [String]) throws {
        let folder = try LucidBinary.temporaryFolder()
        let result = try MeasuredChild.run(
            LucidBinary.path, ["process", SampleCorpus.path("mr_small_evrle.dcm"), "--out", folder] + option,
            timeout: 20)
        #expect(!result.timedOut && result.status == 2, "\(option): \(result.status) \(result.standardError)")
        #expect(result.seconds < 10)
        let name = option[0]
        #expect(result.standardError.contains("\(name) must be 1...256") || option[1].count > 19)
        #expect(!FileManager.default.fileExists(atPath: folder + "/mr_small_evrle.dcm.png"))
    }

    @Test("render and bench refuse --threads beyond 256; archive push keeps its --jobs and --batch caps")
    func otherCommands() throws {
        let sample = SampleCorpus.path("mr_small_evrle.dcm")
        for arguments in [
            ["render", sample, "-o", "/dev/null", "--threads", "257"],
            ["bench", "window", "--threads", "4611686018427387904"],
            ["archive", "push", "/nonexistent", "--pacs", "dicomweb+http://127.0.0.1:9/x", "--jobs", "17"],
            ["archive", "push", "/nonexistent", "--pacs", "dicomweb+http://127.0.0.1:9/x", "--batch", "501"],
        ] {
            let result = try MeasuredChild.run(LucidBinary.path, arguments, timeout: 20)
            #expect(!result.timedOut && result.status == 2, "\(arguments): \(result.standardError)")
        }
    }

    @Test("--max-memory is shared by --jobs: a CT that fits one job's budget is refused when four share it")
    func budgetPerJob() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("ct_nema_ct1_evrle.dcm", to: "ct.dcm")
        let alone = try MeasuredChild.run(
            LucidBinary.path,
            ["process", fixture.input, "--out", fixture.output, "--json", "--max-memory", "8MiB", "--jobs", "1"],
            timeout: 60)
        #expect(alone.status == 0, "\(alone.standardError)")
        let shared = try MeasuredChild.run(
            LucidBinary.path,
            ["process", fixture.input, "--out", fixture.output + "2", "--json", "--max-memory", "8MiB", "--jobs", "4"],
            timeout: 60)
        #expect(shared.status == 1)
        let outcome = try #require(Self.outcomes(shared)[fixture.input + "/ct.dcm"])
        #expect(outcome.status == "failed")
        #expect(outcome.error.contains(fixture.input + "/ct.dcm: (7FE0,0010) PixelData at byte"))
        #expect(outcome.error.contains("above Lucid's limit of 2097152 (ReadLimits.memoryBudget"))
        #expect(outcome.error.contains("--max-memory SIZE divided by --jobs"))
        let tiny = try MeasuredChild.run(
            LucidBinary.path,
            ["process", fixture.input, "--out", fixture.output, "--max-memory", "3MiB", "--jobs", "4"],
            timeout: 20)
        #expect(tiny.status == 2 && tiny.standardError.contains("every job needs at least 1 MiB"))
    }

    @Test("--archive stages each frame to disk, so a 100-frame file's budget counts one frame, not 100")
    func archiveCountsOneFrame() throws {
        let fixture = try ProcessFixture()
        // 100 frames of 128 x 128 16-bit: 3.2 MB; one frame's 5 working copies 160 KiB, 100 frames' 16 MB.
        try fixture.write(
            ArchiveFramesTests.multiFrame(frames: 100, size: 128, sopInstanceUID: "1.2.826.0.1.3680043.2.1125.20.9"),
            to: "cine.dcm")
        let archived = try MeasuredChild.run(
            LucidBinary.path,
            [
                "process", fixture.input, "--archive", fixture.folder + "/archive", "--json", "--jobs", "1",
                "--max-memory", "8MiB", "--rendition-frames", "1",
            ], timeout: 300)
        #expect(archived.status == 0, "\(archived.standardOutput) \(archived.standardError)")
        let refused = try MeasuredChild.run(
            LucidBinary.path,
            [
                "process", fixture.input, "--archive", fixture.folder + "/archive2", "--json", "--jobs", "1",
                "--max-memory", "3MiB",
            ], timeout: 120)
        #expect(refused.status == 1)
        let outcome = try #require(Self.outcomes(refused)[fixture.input + "/cine.dcm"])
        #expect(outcome.error.contains("above Lucid's limit of 3145728 (ReadLimits.memoryBudget"), "\(outcome.error)")
    }

    @Test("a 3 MB deflate bomb (3 GiB inflated) is refused within --max-memory, peak memory measured")
    func deflateBombWithinBudget() throws {
        let fixture = try ProcessFixture()
        let bomb = RawDeflate.part10(elements: [], group: 0x0009, element: 0x1010, vr: "OB", zeros: 3 << 30)
        #expect(bomb.count < 4 << 20, "the bomb is \(bomb.count) bytes")
        try fixture.write(bomb, to: "bomb.dcm")
        try fixture.copy("mr_small_evrle.dcm", to: "small.dcm")
        let budget = 64 << 20
        let baseline = try MeasuredChild.run(
            LucidBinary.path,
            ["process", fixture.input + "/small.dcm", "--out", fixture.output, "--jobs", "1", "--max-memory", "64MiB"],
            timeout: 60)
        #expect(baseline.status == 0)
        let result = try MeasuredChild.run(
            LucidBinary.path,
            [
                "process", fixture.input + "/bomb.dcm", "--out", fixture.output, "--json", "--jobs", "1",
                "--max-memory", "64MiB",
            ],
            timeout: 120)
        #expect(result.status == 1, "\(result.standardError)")
        let outcome = try #require(Self.outcomes(result)[fixture.input + "/bomb.dcm"])
        #expect(outcome.error.contains("(0002,0010) TransferSyntaxUID at byte"))
        #expect(
            outcome.error.contains("reaches \(budget + 1), above Lucid's limit of \(budget) (ReadLimits.memoryBudget"))
        #expect(
            result.maximumResidentBytes <= baseline.maximumResidentBytes + budget,
            "peak \(result.maximumResidentBytes >> 20) MiB, baseline \(baseline.maximumResidentBytes >> 20) MiB")
    }

    @Test("with the default limits, two deflate bombs on two jobs are refused without allocating what they claim")
    func deflateBombsDefaultLimits() throws {
        let fixture = try ProcessFixture()
        let bomb = RawDeflate.part10(elements: [], group: 0x0009, element: 0x1010, vr: "OB", zeros: 3 << 30)
        try fixture.write(bomb, to: "bomb1.dcm")
        try fixture.write(bomb, to: "bomb2.dcm")
        let result = try MeasuredChild.run(
            LucidBinary.path, ["process", fixture.input, "--out", fixture.output, "--json", "--jobs", "2"],
            timeout: 300)
        #expect(result.status == 1, "\(result.standardError)")
        for name in ["bomb1.dcm", "bomb2.dcm"] {
            let outcome = try #require(Self.outcomes(result)[fixture.input + "/" + name])
            #expect(outcome.status == "failed" && outcome.error.contains("(0002,0010) TransferSyntaxUID at byte"))
        }
        #expect(result.maximumResidentBytes < 256 << 20, "peak \(result.maximumResidentBytes >> 20) MiB")
    }
}
