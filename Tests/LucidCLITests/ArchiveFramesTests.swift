import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// Multi-frame files in `lucid process --archive`: renditions for a bounded number of frames, a
/// derived DICOM for every frame staged to disk frame by frame, and an interruption that stops a long
/// file between frames with nothing of it filed.
@Suite(.serialized) struct ArchiveFramesTests {
    /// A native Secondary Capture file of `frames` 12-bit frames, `size` x `size`, each a gradient.
    static func multiFrame(frames: Int, size: Int, sopInstanceUID: String) -> [UInt8] {
        var body = DataSetBytes()
        body.text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7")
        body.text(0x0008, 0x0018, "UI", sopInstanceUID)
        body.text(0x0008, 0x0060, "CS", "OT")
        body.text(0x0010, 0x0020, "LO", "FRAMES")
        body.text(0x0020, 0x000D, "UI", "1.2.826.0.1.3680043.2.1125.20.1")
        body.text(0x0020, 0x000E, "UI", "1.2.826.0.1.3680043.2.1125.20.2")
        body.us(0x0028, 0x0002, 1)
        body.text(0x0028, 0x0004, "CS", "MONOCHROME2")
        body.text(0x0028, 0x0008, "IS", String(frames))
        body.us(0x0028, 0x0010, UInt16(size))
        body.us(0x0028, 0x0011, UInt16(size))
        body.us(0x0028, 0x0100, 16)
        body.us(0x0028, 0x0101, 12)
        body.us(0x0028, 0x0102, 11)
        body.us(0x0028, 0x0103, 0)
        var pixels = DataSetBytes()
        for frame in 0..<frames {
            for index in 0..<(size * size) { pixels.u16(UInt16((index + frame * 7) % 4096)) }
        }
        body.element(0x7FE0, 0x0010, "OW", pixels.bytes)
        return DataSetBytes.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes)
    }

    @Test("--rendition-frames 2 on a 5-frame file: 5 derived DICOMs, 2 PNGs in the archive and under --out")
    func renditionsBounded() throws {
        let fixture = try ArchiveFixture(bad: false)
        try fixture.base.write(
            Self.multiFrame(frames: 5, size: 16, sopInstanceUID: "1.2.826.0.1.3680043.2.1125.20.3"), to: "mf/cine.dcm")
        let run = try LucidBinary.run([
            "process", fixture.input + "/mf", "--archive", fixture.archive, "--out", fixture.base.output,
            "--rendition-frames", "2", "--json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let archived = ProcessFixture.files(under: fixture.archive)
        #expect(archived.filter { $0.hasSuffix(".derived.dcm") }.count == 5)
        #expect(archived.filter { $0.hasSuffix(".png") }.count == 2)
        #expect(ProcessFixture.renditions(under: fixture.base.output) == ["cine.dcm.1.png", "cine.dcm.2.png"])
        #expect(try LucidBinary.run(["verify", fixture.archive]).status == 0)
        let again = try LucidBinary.run([
            "process", fixture.input + "/mf", "--archive", fixture.archive, "--rendition-frames", "2", "--json",
        ])
        #expect(ProcessFixture.jsonLines(again.standardOutput).first?["error"] as? String == "already archived")
        let bad = try LucidBinary.run([
            "process", fixture.input, "--out", fixture.base.output, "--rendition-frames", "-1",
        ])
        #expect(bad.status == 2)
    }

    @Test("SIGINT during a long multi-frame file stops it between frames: exit 130, nothing filed, no temporary file")
    func interruptedBetweenFrames() throws {
        let fixture = try ArchiveFixture(bad: false)
        try fixture.base.write(
            Self.multiFrame(frames: 400, size: 256, sopInstanceUID: "1.2.826.0.1.3680043.2.1125.20.4"),
            to: "long/cine.dcm")
        let (process, pipe) = try ArchiveConcurrencyTests.launch([
            "process", fixture.input + "/long", "--archive", fixture.archive, "--json", "--jobs", "1",
            "--rendition-frames", "0",
        ])
        let deadline = Date().addingTimeInterval(60)
        while TmpfsMount.temporaryFiles(under: fixture.archive).isEmpty, process.isRunning, Date() < deadline {
            usleep(20_000)
        }
        let interrupted = Date()
        kill(process.processIdentifier, SIGINT)
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(interrupted) < 20, "stopped between frames, not after all 400")
        #expect(process.terminationStatus == 130)
        let outcome = ProcessFixture.jsonLines(output).first { $0["path"] != nil }
        #expect(outcome?["status"] as? String == "failed")
        #expect(
            (outcome?["error"] as? String)?.contains("interrupted before frame") == true,
            "\(String(describing: outcome))")
        #expect(TmpfsMount.temporaryFiles(under: fixture.archive).isEmpty)
        #expect(!ProcessFixture.files(under: fixture.archive).contains { $0.hasSuffix(".derived.dcm") })
        #expect(try LucidBinary.run(["verify", fixture.archive]).status == 0)
    }

    /// Holding every frame's derived DICOM and renditions until the image is filed took the file's
    /// size again (a 64 MiB file peaked at about 177 MB); staged frame by frame, a run holds the file
    /// and about one frame.
    @Test("a 64 MiB multi-frame file is archived holding the file and one frame, not every frame's outputs")
    func framesStreamedToTheArchive() throws {
        let fixture = try ArchiveFixture(bad: false)
        let bytes = Self.multiFrame(frames: 128, size: 512, sopInstanceUID: "1.2.826.0.1.3680043.2.1125.20.5")
        try fixture.base.write(bytes, to: "big/cine.dcm")
        let run = try MeasuredChild.run(
            LucidBinary.path,
            ["process", fixture.input + "/big", "--archive", fixture.archive, "--jobs", "1", "--quiet"], timeout: 300)
        #expect(run.status == 0, "\(run.standardError)")
        let peak = run.maximumResidentBytes
        #expect(peak < bytes.count + 64 << 20, "peak \(peak >> 20) MiB for a \(bytes.count >> 20) MiB file")
        let archived = ProcessFixture.files(under: fixture.archive)
        #expect(archived.filter { $0.hasSuffix(".derived.dcm") }.count == 128)
        #expect(archived.filter { $0.hasSuffix(".png") }.count == 128)
    }

    @Test("images already archived get their renditions under a new --out, and are still skipped in the archive")
    func newOutForArchived() throws {
        let fixture = try ArchiveFixture(bad: false)
        let first = try LucidBinary.run(["process", fixture.input, "--archive", fixture.archive])
        #expect(first.status == 0, "\(first.standardError)")
        let out = fixture.base.folder + "/new-out"
        let second = try LucidBinary.run([
            "process", fixture.input, "--archive", fixture.archive, "--out", out, "--json",
        ])
        #expect(second.status == 0, "\(second.standardError)")
        let lines = ProcessFixture.jsonLines(second.standardOutput).filter { $0["path"] != nil }
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line["error"] as? String == "already archived")
            #expect((line["outputs"] as? [String])?.allSatisfy { $0.hasPrefix(out + "/") } == true, "\(line)")
        }
        #expect(
            ProcessFixture.renditions(under: out).sorted()
                == [
                    "ct/ct.dcm.png", "cr/chest.dcm.png", "mr/image.dcm.png", "ct/enhanced.dcm.1.png",
                    "ct/enhanced.dcm.2.png", "hostile/etc.dcm.png", "hostile/absolute.dcm.png",
                ].sorted())
    }
}
