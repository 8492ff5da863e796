import Foundation
import LucidCodecs
import LucidPNG
import LucidTestSupport
import Testing

/// `lucid process` and `lucid presets` run as a user runs them.
@Suite struct ProcessCommandTests {
    @Test("A folder with good, corrupt, text and 16-bit PNG files: exit 1, outputs complete, originals unchanged")
    func folder() throws {
        let fixture = try ProcessFixture.standard()
        let before = try fixture.inputHashes()
        let result = try LucidBinary.run([
            "process", fixture.input, "--out", fixture.output, "--json", "--preset", "auto", "--jobs", "2",
        ])
        #expect(result.status == 1, "\(result.standardError)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        let byPath = Dictionary(
            lines.compactMap { line in (line["path"] as? String).map { ($0, line) } }, uniquingKeysWith: { a, _ in a })
        let summary = try #require(lines.last?["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 7)
        #expect(summary["ok"] as? Int == 5)
        #expect(summary["failed"] as? Int == 1)
        #expect(summary["skipped"] as? Int == 1)

        let cut = try #require(byPath[fixture.input + "/bad/cut.dcm"])
        #expect(cut["status"] as? String == "failed")
        #expect((cut["error"] as? String)?.contains("truncated pixel data") == true)
        let notes = try #require(byPath[fixture.input + "/notes.txt"])
        #expect(notes["status"] as? String == "skipped" && notes["error"] as? String == "not DICOM")

        let expected: [String: (Int, Int, String)] = [
            "ct/ct.dcm.png": (512, 512, "auto: file-window"), "cr/chest.dcm.png": (440, 440, "auto: chest-xray"),
            "mr1/image.dcm.png": (64, 64, "auto: mr-default"), "mr2/image.dcm.png": (64, 64, "auto: mr-default"),
            "scan16.png.png": (32, 20, "auto: file-window"),
        ]
        #expect(ProcessFixture.renditions(under: fixture.output) == expected.keys.sorted())
        for (name, (width, height, preset)) in expected {
            let bytes = try #require(FileManager.default.contents(atPath: fixture.output + "/" + name))
            let png = try PNGCodec.decode([UInt8](bytes))
            #expect(png.image.width == width && png.image.height == height, "\(name)")
            #expect(png.text(forKeyword: "Steps")?.isEmpty == false, "\(name)")
            #expect(png.text(forKeyword: "Preset") == preset, "\(name)")
            #expect(png.text(forKeyword: "Software")?.hasPrefix("Lucid ") == true)
        }
        #expect(try fixture.inputHashes() == before)
        #expect(ProcessFixture.files(under: fixture.folder).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test("Without --json: the summary on standard error names the failed file and its reason")
    func textSummary() throws {
        let fixture = try ProcessFixture.standard()
        let result = try LucidBinary.run(["process", fixture.input, "--out", fixture.output, "--format", "jpeg"])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("5 ok, 1 failed, 1 skipped"))
        #expect(result.standardError.contains("failed: \(fixture.input)/bad/cut.dcm"))
        #expect(result.standardError.contains("truncated pixel data"))
        let jpeg = try #require(FileManager.default.contents(atPath: fixture.output + "/ct/ct.dcm.jpg"))
        #expect(try JPEGCodec.decodeGray8([UInt8](jpeg)).width == 512)
        let quiet = try LucidBinary.run(["process", fixture.input + "/ct", "--out", fixture.output, "--quiet"])
        #expect(quiet.status == 0 && quiet.standardError.isEmpty && quiet.standardOutput.isEmpty)
    }

    @Test("A failed file's errorCode names its cause in its JSON line and in the run manifest; null otherwise")
    func errorCode() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("ct_ge_ivrle_window.dcm", to: "ct.dcm")
        try fixture.copy("mr_small_truncated_pixeldata.dcm", to: "cut.dcm")
        try fixture.write(Array("not an image\n".utf8), to: "notes.txt")
        let absent = fixture.input + "/absent.dcm"
        let result = try LucidBinary.run(["process", fixture.input, absent, "--out", fixture.output, "--json"])
        #expect(result.status == 1, "\(result.standardError)")
        let lines = ProcessFixture.jsonLines(result.standardOutput).filter { $0["path"] != nil }
        let files = try #require(try ProcessFixture.manifest(in: fixture.output)["files"] as? [[String: Any]])
        let expected: [String: String?] = [
            "cut.dcm": "dicom.truncatedPixelData", "ct.dcm": nil, "notes.txt": nil, "absent.dcm": "input.unusable",
        ]
        for (name, code) in expected {
            let path = fixture.input + "/" + name
            let line = try #require(lines.first { $0["path"] as? String == path }, "\(name)")
            let file = try #require(files.first { $0["path"] as? String == path }, "\(name)")
            for object in [line, file] {
                if let code {
                    #expect(object["errorCode"] as? String == code, "\(name)")
                } else {
                    #expect(object["errorCode"] is NSNull, "\(name): the key is there, null")
                }
            }
        }
    }

    @Test("--files-from - reads paths from standard input; skipped files alone still exit 0")
    func filesFromStandardInput() throws {
        let fixture = try ProcessFixture.standard()
        let list = [fixture.input + "/mr1/image.dcm", fixture.input + "/notes.txt", ""].joined(separator: "\n")
        let result = try LucidBinary.run(
            ["process", "--files-from", "-", "--out", fixture.output, "--json", "--format", "png16"],
            input: Data(list.utf8))
        #expect(result.status == 0, "\(result.standardError)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        #expect(lines.count == 3)
        let outputs = lines.compactMap { $0["outputs"] as? [String] }.flatMap { $0 }
        #expect(outputs.count == 1)
        let output = try #require(outputs.first)
        #expect(output.hasSuffix("/mr1/image.dcm.16.png"))
        let png = try PNGCodec.decode([UInt8](try #require(FileManager.default.contents(atPath: output))))
        #expect(png.storedBitDepth == 16)
    }

    @Test("Bad usage: exit 2 with a message, nothing written")
    func usage() throws {
        let fixture = try ProcessFixture.standard()
        let cases: [([String], String)] = [
            (["process", fixture.input, "--out", fixture.output, "--steps", "median:3 | clahe:tiles=8"], "^"),
            (["process", fixture.input, "--out", fixture.output, "--preset", "lungs"], "unknown preset 'lungs'"),
            (
                ["process", fixture.input, "--out", fixture.output, "--preset", "ct-lung", "--steps", "median:3"],
                "either --steps or --preset"
            ),
            (["process", "--out", fixture.output], "no inputs"),
            (["process", fixture.input, "--out", fixture.output, "--format", "tiff"], "unknown format 'tiff'"),
            (["process", fixture.input, "--out", fixture.output, "--jobs", "0"], "--jobs"),
            (["process", fixture.input], "--out"),
        ]
        for (arguments, message) in cases {
            let result = try LucidBinary.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.output))
    }

    @Test("lucid presets lists every preset with steps and source")
    func presets() throws {
        let result = try LucidBinary.run(["presets", "--json"])
        #expect(result.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [[String: String]])
        let names = list.compactMap { $0["name"] }
        for name in ["chest-xray", "ct-lung", "ct-mediastinum", "ct-bone", "ct-brain", "mammo", "mr-default", "auto"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(list.allSatisfy { ($0["steps"]?.isEmpty == false) && ($0["source"]?.isEmpty == false) })
        let text = try LucidBinary.run(["presets"])
        #expect(text.outputText.contains("window:lung") && text.outputText.contains("Radiopaedia"))
    }
}
