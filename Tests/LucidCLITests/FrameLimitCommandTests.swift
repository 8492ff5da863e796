import Foundation
import LucidTestSupport
import Testing

/// `--max-frames` through the CLI: a 100 KB native file of 100,000 frames and a deflated file of
/// 100 million frames are refused at once, by name; a raised limit accepts them; the new caps are
/// in `--help`.
@Suite struct FrameLimitCommandTests {
    @Test("100,000 native frames and 100 million deflated frames: refused at once with the frame limit")
    func hostileFrameCounts() throws {
        let fixture = try ProcessFixture()
        try fixture.write(DataSetBytes.nativeImage(rows: 1, columns: 1, frames: 100_000), to: "native.dcm")
        try fixture.write(DataSetBytes.deflatedTinyFrames(100_000_000), to: "deflated.dcm")
        let result = try MeasuredChild.run(
            LucidBinary.path, ["process", fixture.input, "--out", fixture.output, "--json", "--jobs", "2"],
            timeout: 120)
        #expect(!result.timedOut && result.status == 1, "\(result.standardError)")
        #expect(result.seconds < 60)
        let outcomes = MemoryBudgetCommandTests.outcomes(result)
        for (name, frames) in [("native.dcm", 100_000), ("deflated.dcm", 100_000_000)] {
            let outcome = try #require(outcomes[fixture.input + "/" + name])
            #expect(outcome.status == "failed")
            #expect(
                outcome.error.contains(
                    "\(fixture.input)/\(name): (0028,0008) NumberOfFrames at byte")
                    && outcome.error.contains(
                        "the number of frames (0028,0008) reaches \(frames), above Lucid's limit of 20000 "
                            + "(ReadLimits.maximumFrames; in the CLI --max-frames N)"),
                "\(outcome.error)")
        }
        #expect(ProcessFixture.files(under: fixture.output).allSatisfy { $0.hasPrefix("lucid-run-") })
    }

    @Test("--max-frames raised accepts the 100,000-frame file; lowered, it refuses a small multi-frame one")
    func raisedAndLowered() throws {
        let fixture = try ProcessFixture()
        try fixture.write(DataSetBytes.nativeImage(rows: 1, columns: 1, frames: 100_000), to: "native.dcm")
        let info = try MeasuredChild.run(
            LucidBinary.path, ["info", "--json", "--max-frames", "100000", fixture.input + "/native.dcm"], timeout: 60)
        #expect(info.status == 0, "\(info.standardError)")
        let one = try MeasuredChild.run(
            LucidBinary.path,
            [
                "process", fixture.input + "/native.dcm", "--out", fixture.output, "--frame", "1", "--max-frames",
                "100000",
            ],
            timeout: 60)
        #expect(one.status == 0, "\(one.standardError)")
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/native.dcm.1.png"))

        let small = try ProcessFixture()
        try small.write(DataSetBytes.nativeImage(rows: 4, columns: 4, frames: 5, value: 9), to: "cine.dcm")
        let lowered = try MeasuredChild.run(
            LucidBinary.path, ["process", small.input, "--out", small.output, "--json", "--max-frames", "4"],
            timeout: 60)
        #expect(lowered.status == 1)
        #expect(
            MemoryBudgetCommandTests.outcomes(lowered)[small.input + "/cine.dcm"]?.error.contains("reaches 5") == true)
        let exact = try MeasuredChild.run(
            LucidBinary.path, ["process", small.input, "--out", small.output, "--max-frames", "5"], timeout: 60)
        #expect(exact.status == 0)
        #expect(ProcessFixture.files(under: small.output).filter { $0.hasSuffix(".png") }.count == 5)
        let zero = try MeasuredChild.run(
            LucidBinary.path, ["process", small.input, "--out", small.output, "--max-frames", "0"], timeout: 20)
        #expect(zero.status == 2)
    }

    @Test("the caps are in --help of process, render and info, with their defaults")
    func help() throws {
        for command in ["process", "render", "info"] {
            let result = try LucidBinary.run([command, "--help"])
            let text = result.outputText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("--max-frames <n>") && text.contains("(default 20000"), "\(command)")
            #expect(text.contains("--max-memory <size>") && text.contains("(default: half of this machine's memory"))
            #expect(text.contains("--max-image-memory") && text.contains("--max-file-size"))
            if command == "process" {
                #expect(text.contains("Files processed at once, 1...256"))
                #expect(text.contains("Threads inside one image, 1...256"))
            }
        }
    }
}
