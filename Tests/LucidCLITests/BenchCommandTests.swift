import Foundation
import LucidBench
import LucidImaging
import LucidPNG
import LucidTestSupport
import Testing

/// `lucid bench` run as a user runs it: the report, the written result, inputs, exit statuses.
@Suite struct BenchCommandTests {
    static let reportKeys: Set<String> = [
        "op", "width", "height", "threads", "repeat", "median_s", "min_s", "mp_per_s", "params",
    ]

    /// The one JSON object `lucid bench ... --json` prints.
    func report(_ result: LucidBinary.Result) throws -> [String: Any] {
        let lines = result.outputText.split(separator: "\n")
        try #require(lines.count == 1, "expected one line, got: \(result.outputText)")
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8))
        return try #require(object as? [String: Any])
    }

    /// The 8-bit PNG at `path`.
    func gray8(_ path: String) throws -> GrayImage<UInt8> {
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        guard case .gray8(let image) = try PNGCodec.decode(bytes).image else {
            throw NotGray8(path: path)
        }
        return image
    }

    struct NotGray8: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is not an 8-bit grayscale PNG" }
    }

    /// PS3.3 C.11.2.1.2.1 LINEAR with ymin 0, ymax 255, rounded half up: a plain restatement.
    func linearLevel(_ sample: UInt16, center c: Double, width w: Double) -> UInt8 {
        let x = Double(sample)
        if x <= c - 0.5 - (w - 1) / 2 { return 0 }
        if x > c - 0.5 + (w - 1) / 2 { return 255 }
        let y = ((x - (c - 0.5)) / (w - 1) + 0.5) * 255
        return UInt8(min(255, max(0, (y + 0.5).rounded(.down))))
    }

    @Test("--json gives one line with the documented keys and sane values")
    func jsonReport() throws {
        let result = try LucidBinary.run(["bench", "window", "--size", "64x48", "--repeat", "3", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try report(result)
        #expect(Set(object.keys) == Self.reportKeys)
        #expect(object["op"] as? String == "window")
        #expect(object["width"] as? Int == 64)
        #expect(object["height"] as? Int == 48)
        #expect(object["repeat"] as? Int == 3)
        #expect((object["threads"] as? Int ?? 0) >= 1)
        let median = try #require(object["median_s"] as? Double)
        let minimum = try #require(object["min_s"] as? Double)
        let rate = try #require(object["mp_per_s"] as? Double)
        #expect(minimum > 0 && minimum <= median && median < 10)
        #expect(abs(rate - 64 * 48 / minimum / 1e6) <= 1e-6 * rate)
        let params = try #require(object["params"] as? [String: Any])
        #expect(params["bits"] as? Int == 12)
        #expect(params["center"] as? Double == 2048)
        #expect(params["width"] as? Double == 2048)
        #expect(params["function"] as? String == "LINEAR")
    }

    @Test("The readable line names the operation, size and MP/s")
    func textReport() throws {
        let result = try LucidBinary.run(["bench", "window", "--size", "32x16", "--repeat", "2", "--threads", "1"])
        #expect(result.status == 0, "\(result.standardError)")
        let text = result.outputText
        #expect(text.hasPrefix("window 32x16, 1 thread, 2 runs: median "), "\(text)")
        #expect(text.contains(" MP/s (bits=12 center=2048 width=2048 function=LINEAR)"), "\(text)")
    }

    @Test("--output writes the window of the generated image as an 8-bit PNG")
    func outputMatchesReference() throws {
        let folder = try LucidBinary.temporaryFolder()
        let output = folder + "/window.png"
        let result = try LucidBinary.run([
            "bench", "window", "--size", "64x48", "--repeat", "1", "--center", "1500", "--width", "1000",
            "--output", output,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let image = try gray8(output)
        let phantom = SyntheticImage.phantom(width: 64, height: 48, bits: 12, seed: 1)
        #expect(image.width == 64 && image.height == 48)
        #expect(image.pixels == phantom.pixels.map { linearLevel($0, center: 1500, width: 1000) })
        #expect(Set(image.pixels).count > 20, "the phantom should use much of the window")
    }

    @Test("Raw and 16-bit PNG inputs give the same result as the generated image")
    func rawAndPNGInputs() throws {
        let folder = try LucidBinary.temporaryFolder()
        let phantom = SyntheticImage.phantom(width: 40, height: 30, bits: 12, seed: 7)
        try Data(phantom.pixels.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] })
            .write(to: URL(fileURLWithPath: folder + "/in.u16"))
        try Data(try PNGCodec.encode(phantom)).write(to: URL(fileURLWithPath: folder + "/in.png"))
        let common = ["--repeat", "1", "--bits", "12", "--json"]
        let runs = [
            ["bench", "window", "--size", "40x30", "--seed", "7", "--output", folder + "/a.png"],
            ["bench", "window", "--input", folder + "/in.u16", "--raw", "40x30", "--output", folder + "/b.png"],
            ["bench", "window", "--input", folder + "/in.png", "--output", folder + "/c.png"],
        ]
        for arguments in runs {
            let result = try LucidBinary.run(arguments + common)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            let object = try report(result)
            #expect(object["width"] as? Int == 40 && object["height"] as? Int == 30)
        }
        let first = try gray8(folder + "/a.png")
        #expect(try gray8(folder + "/b.png") == first)
        #expect(try gray8(folder + "/c.png") == first)
    }

    @Test("--input reads a DICOM file's first frame with its Bits Stored")
    func dicomInput() throws {
        let result = try LucidBinary.run([
            "bench", "window", "--input", SampleCorpus.path("ct_nema_ct1_evrle.dcm"), "--repeat", "2", "--json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try report(result)
        #expect(object["width"] as? Int == 512 && object["height"] as? Int == 512)
        let params = try #require(object["params"] as? [String: Any])
        #expect(params["bits"] as? Int == 16)
    }

    @Test("Bad usage exits 2 with a message; an unreadable input exits 1")
    func failures() throws {
        let folder = try LucidBinary.temporaryFolder()
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: folder + "/short.u16"))
        let usage: [([String], String)] = [
            (["bench", "sharpen"], "unknown op 'sharpen'"),
            (["bench", "window", "--size", "64"], "--size must be WxH"),
            (["bench", "window", "--size", "0x10"], "--size must be WxH"),
            (["bench", "window", "--size", "64x48", "--sigma", "2"], "window does not use --sigma"),
            (["bench", "window", "--size", "64x48", "--width", "0"], "window"),
            (["bench", "window", "--size", "64x48", "--repeat", "0"], "--repeat must be at least 1"),
            (["bench", "window", "--size", "8x8", "--radius", "1", "--kernel", "3"], "not both"),
            (["bench", "window", "--input", folder + "/x.dcm", "--size", "8x8"], "--raw WxH"),
        ]
        for (arguments, message) in usage {
            let result = try LucidBinary.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
        let unreadable: [[String]] = [
            ["bench", "window", "--input", folder + "/missing.dcm"],
            ["bench", "window", "--input", folder + "/short.u16", "--raw", "4x4"],
        ]
        for arguments in unreadable {
            let result = try LucidBinary.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.standardError.contains(folder), "\(arguments): \(result.standardError)")
        }
    }
}

/// `lucid bench decode`: the time to decode one frame of a DICOM file.
@Suite struct BenchDecodeCommandTests {
    let base = BenchCommandTests()

    @Test("decode --json reports the frame's size, the syntax and the frame, like the other operations")
    func decodeReport() throws {
        let path = SampleCorpus.codecsPath("JPEG2000Lossless__emri_small_jpeg_2k_lossless.dcm")
        let result = try LucidBinary.run([
            "bench", "decode", "--input", path, "--frame", "3", "--threads", "1", "--repeat", "3", "--json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try base.report(result)
        #expect(Set(object.keys) == BenchCommandTests.reportKeys)
        #expect(object["op"] as? String == "decode")
        #expect(object["width"] as? Int == 64 && object["height"] as? Int == 64)
        #expect(object["threads"] as? Int == 1)
        #expect(object["repeat"] as? Int == 3)
        let median = try #require(object["median_s"] as? Double)
        let minimum = try #require(object["min_s"] as? Double)
        let rate = try #require(object["mp_per_s"] as? Double)
        #expect(minimum > 0 && minimum <= median && median < 10)
        #expect(abs(rate - 64 * 64 / minimum / 1e6) <= 1e-6 * rate)
        let params = try #require(object["params"] as? [String: Any])
        #expect(params["transfer_syntax"] as? String == "1.2.840.10008.1.2.4.90")
        #expect(params["syntax"] as? String == "JPEG 2000 Image Compression (Lossless Only)")
        #expect(params["frame"] as? Int == 3)
        #expect(params["frames"] as? Int == 10)
        #expect(params["decodes_per_run"] as? Int == 1)
    }

    @Test("decode --threads N decodes the frame N times per run and counts N frames' pixels")
    func decodeThreads() throws {
        let path = SampleCorpus.codecsPath("JPEGLS__CT1_JLSN.dcm")
        let result = try LucidBinary.run([
            "bench", "decode", "--input", path, "--threads", "3", "--repeat", "2", "--json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try base.report(result)
        #expect(object["width"] as? Int == 512 && object["height"] as? Int == 512)
        #expect(object["threads"] as? Int == 3)
        let minimum = try #require(object["min_s"] as? Double)
        let rate = try #require(object["mp_per_s"] as? Double)
        #expect(abs(rate - 3 * 512 * 512 / minimum / 1e6) <= 1e-6 * rate)
        let params = try #require(object["params"] as? [String: Any])
        #expect(params["transfer_syntax"] as? String == "1.2.840.10008.1.2.4.81")
        #expect(params["frame"] as? Int == 1)
        #expect(params["decodes_per_run"] as? Int == 3)
    }

    @Test("decode: a frame past the last exits 1 naming the frame count; --frame 0 and misuse exit 2")
    func decodeBadFrame() throws {
        let path = SampleCorpus.codecsPath("JPEG2000Lossless__emri_small_jpeg_2k_lossless.dcm")
        let past = try LucidBinary.run(["bench", "decode", "--input", path, "--frame", "11", "--repeat", "1"])
        #expect(past.status == 1)
        #expect(
            past.standardError.contains("frame 11 is out of range: the file has 10 frames"), "\(past.standardError)")
        #expect(past.outputText.isEmpty)
        let usage: [([String], String)] = [
            (["bench", "decode", "--input", path, "--frame", "0"], "--frame must be at least 1"),
            (["bench", "decode"], "decode needs --input"),
            (["bench", "decode", "--input", path, "--sigma", "2"], "decode does not use --sigma"),
            (["bench", "window", "--size", "8x8", "--frame", "2"], "--frame is an option of decode only"),
        ]
        for (arguments, message) in usage {
            let result = try LucidBinary.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
    }

    @Test("decode: a file that is not DICOM, a PNG or a missing file exits 1 with a clear message")
    func decodeNotDICOM() throws {
        let folder = try LucidBinary.temporaryFolder()
        try Data("patient list\nnot an image\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        let phantom = SyntheticImage.phantom(width: 8, height: 8, bits: 12, seed: 1)
        try Data(try PNGCodec.encode(phantom)).write(to: URL(fileURLWithPath: folder + "/image.png"))
        let cases = [
            (folder + "/notes.txt", "not a DICOM file"), (folder + "/image.png", "a PNG file"),
            (folder + "/missing.dcm", "cannot read the file"),
        ]
        for (path, message) in cases {
            let result = try LucidBinary.run(["bench", "decode", "--input", path, "--repeat", "1"])
            #expect(result.status == 1, "\(path)")
            #expect(result.standardError.contains(path), "\(path): \(result.standardError)")
            #expect(result.standardError.contains(message), "\(path): \(result.standardError)")
        }
    }
}
