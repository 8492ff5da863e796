import Foundation
import LucidImaging
import LucidPNG
import LucidTestSupport
import Testing

/// The read limits through the CLI: standard input and devices capped by `--max-file-size`, images
/// by `--max-image-memory` (also for 16-bit PNG inputs), bad sizes refused as bad usage.
@Suite struct LimitsCommandTests {
    @Test("render - stops reading standard input at the cap: exit 1, a typed error, no output")
    func standardInputCapped() throws {
        let folder = try LucidBinary.temporaryFolder()
        let output = folder + "/out.png"
        let result = try LucidBinary.run(
            ["render", "-", "-o", output, "--max-file-size", "64KiB"], input: Data(repeating: 0, count: 1 << 20))
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "<stdin>: the file size in bytes reaches 65537, above Lucid's limit of 65536 (ReadLimits.maximumFileBytes"
            ), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output))
        // A device is sniffed first: /dev/zero is not DICOM after 132 bytes. A pipe that starts like
        // DICOM is read up to the cap.
        let device = try LucidBinary.run(["render", "/dev/zero", "-o", output, "--max-file-size", "1MiB"])
        #expect(device.status == 1)
        #expect(device.standardError.contains("/dev/zero: not a DICOM file"), "\(device.standardError)")
        let pipe = folder + "/pipe.dcm"
        #expect(mkfifo(pipe, 0o644) == 0)
        Thread {
            guard let writer = FileHandle(forWritingAtPath: pipe) else { return }
            let start = Data(repeating: 0, count: 128) + Data("DICM".utf8)
            try? writer.write(contentsOf: start + Data(repeating: 0, count: 2 << 20))
            try? writer.close()
        }.start()
        let piped = try LucidBinary.run(["render", pipe, "-o", output, "--max-file-size", "1MiB"])
        #expect(piped.status == 1)
        #expect(
            piped.standardError.contains("pipe.dcm: the file size in bytes reaches 1048577"), "\(piped.standardError)")
    }

    @Test("standard input under the cap renders")
    func standardInputWithinCap() throws {
        let bytes = try #require(FileManager.default.contents(atPath: SampleCorpus.path("mr_small_evrle.dcm")))
        let result = try LucidBinary.run(["render", "-", "-o", "-", "--max-file-size", "1MiB"], input: bytes)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try PNGCodec.decode([UInt8](result.standardOutput)).image.width == 64)
    }

    @Test("--max-image-memory fails the images above it, by name, and processes the others")
    func imageMemory() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("ct_nema_ct1_evrle.dcm", to: "ct.dcm")
        try fixture.copy("mr_small_evrle.dcm", to: "mr.dcm")
        let result = try LucidBinary.run([
            "process", fixture.input, "--out", fixture.output, "--json", "--max-image-memory", "64KiB",
        ])
        #expect(result.status == 1)
        let outcomes = BatchFaultTests.outcomes(ProcessFixture.jsonLines(result.standardOutput))
        let ct = try #require(outcomes[fixture.input + "/ct.dcm"])
        #expect(ct.status == "failed")
        #expect(ct.error.contains("reaches 524288, above Lucid's limit of 65536 (ReadLimits.maximumImageBytes"))
        #expect(outcomes[fixture.input + "/mr.dcm"]?.status == "ok")
        let info = try LucidBinary.run([
            "info", "--json", "--max-image-memory", "64KiB", SampleCorpus.path("ct_nema_ct1_evrle.dcm"),
        ])
        let report = try #require(try JSONSerialization.jsonObject(with: info.standardOutput) as? [String: Any])
        #expect((report["pixelDataError"] as? String)?.contains("ReadLimits.maximumImageBytes") == true)
        #expect(
            try LucidBinary.run(["info", "--max-image-memory", "2x", SampleCorpus.path("ct_nema_ct1_evrle.dcm")]).status
                == 2)
    }

    /// CRC-32 of PNG chunks (ISO 3309, as the PNG specification 5.5 uses).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }

    @Test("16-bit PNG inputs: a header of 100000 x 100000 and one above --max-image-memory fail, by name")
    func pngInputs() throws {
        let fixture = try ProcessFixture()
        let image = GrayImage<UInt16>(width: 32, height: 20, pixels: (0..<640).map { UInt16($0 * 7) })
        let small = try PNGCodec.encode(image)
        try fixture.write(small, to: "small.png")
        // IHDR starts at byte 8: length, "IHDR", width, height, ..., CRC over type and data.
        var huge = small
        for (offset, value) in [(16, UInt32(100_000)), (20, UInt32(100_000))] {
            for index in 0..<4 { huge[offset + index] = UInt8(value >> (24 - 8 * UInt32(index)) & 0xFF) }
        }
        let crc = Self.crc32(Array(huge[12..<29]))
        for index in 0..<4 { huge[29 + index] = UInt8(crc >> (24 - 8 * UInt32(index)) & 0xFF) }
        try fixture.write(huge, to: "huge.png")

        let result = try LucidBinary.run(["process", fixture.input, "--out", fixture.output, "--json"])
        let outcomes = BatchFaultTests.outcomes(ProcessFixture.jsonLines(result.standardOutput))
        #expect(outcomes[fixture.input + "/small.png"]?.status == "ok")
        let refused = try #require(outcomes[fixture.input + "/huge.png"])
        #expect(refused.status == "failed")
        #expect(refused.error.contains("huge.png") && refused.error.contains("100000 x 100000 pixels is too large"))

        let capped = try LucidBinary.run([
            "process", fixture.input + "/small.png", "--out", fixture.output + "2", "--json", "--max-image-memory",
            "1KiB",
        ])
        let small16 = try #require(BatchFaultTests.outcomes(ProcessFixture.jsonLines(capped.standardOutput)).first)
        #expect(small16.value.status == "failed")
        #expect(small16.value.error.contains("32 x 20 pixels is too large: the limit is 512 pixels"))
    }
}
