import Foundation
import LucidPNG
import LucidTestSupport
import Testing

/// `render` and `process` share one vocabulary (`-o/--out`, `--window`, `--preset`, `--format`),
/// preset and window names stand for each other, and the old spellings still work with a note.
@Suite struct VocabularyTests {
    let ct = SampleCorpus.path("ct_ge_ivrle_window.dcm")

    func png(_ path: String) throws -> DecodedPNG {
        try PNGCodec.decode([UInt8](try #require(FileManager.default.contents(atPath: path))))
    }

    /// Runs `process` on one CT with `options`; its one JSON line.
    func processCT(_ options: [String]) throws -> (LucidBinary.Result, [String: Any]?) {
        let fixture = try ProcessFixture()
        try fixture.copy("ct_ge_ivrle_window.dcm", to: "ct.dcm")
        let result = try LucidBinary.run(
            ["process", fixture.input, "-o", fixture.output, "--json", "--jobs", "1"] + options)
        return (result, ProcessFixture.jsonLines(result.standardOutput).first)
    }

    @Test("render: --out, --preset (auto too), --format png16, and a CT preset's name as a window")
    func renderOptions() throws {
        let folder = try LucidBinary.temporaryFolder()
        let runs: [(String, [String])] = [
            ("lung.png", ["--out", folder + "/lung.png", "--window", "lung"]),
            ("preset.png", ["--out", folder + "/preset.png", "--preset", "ct-lung"]),
            ("named.png", ["-o", folder + "/named.png", "--window", "ct-lung"]),
            ("word.png", ["-o", folder + "/word.png", "--preset", "lung"]),
            ("auto.png", ["-o", folder + "/auto.png", "--preset", "auto"]),
            ("wide.png", ["-o", folder + "/wide.png", "--format", "png16"]),
        ]
        for (_, options) in runs {
            let result = try LucidBinary.run(["render", ct] + options)
            #expect(result.status == 0 && result.standardError.isEmpty, "\(options): \(result.standardError)")
        }
        let lung = try png(folder + "/lung.png")
        for name in ["preset.png", "named.png", "word.png"] {
            #expect(try png(folder + "/" + name).image == lung.image)
        }
        #expect(try png(folder + "/preset.png").text(forKeyword: "Preset") == "ct-lung")
        #expect(try png(folder + "/named.png").text(forKeyword: "Steps") == "window:lung")
        #expect(try png(folder + "/auto.png").text(forKeyword: "Preset") == "auto: file-window")
        #expect(try png(folder + "/wide.png").storedBitDepth == 16)
    }

    @Test("process: -o, --window, a window's name as a preset")
    func processOptions() throws {
        let (window, windowLine) = try processCT(["--window", "lung"])
        #expect(window.status == 0, "\(window.standardError)")
        #expect(windowLine?["steps"] as? String == "window:lung")
        let (filtered, filteredLine) = try processCT(["--steps", "median:3", "--window", "bone"])
        #expect(filtered.status == 0, "\(filtered.standardError)")
        #expect(filteredLine?["steps"] as? String == "denoise:median:3 | window:bone")
        let (preset, presetLine) = try processCT(["--preset", "lung"])
        #expect(preset.status == 0, "\(preset.standardError)")
        #expect(presetLine?["preset"] as? String == "ct-lung")
        let (alone, aloneLine) = try processCT(["--preset", "abdomen"])
        #expect(alone.status == 0, "\(alone.standardError)")
        #expect(aloneLine?["steps"] as? String == "window:abdomen")
    }

    @Test("Contradictions are usage errors: --window with --preset or a windowed --steps, a format the name denies")
    func contradictions() throws {
        let folder = try LucidBinary.temporaryFolder()
        let cases: [([String], String)] = [
            (["render", ct, "-o", folder + "/x.png", "--window", "lung", "--preset", "ct-lung"], "--window"),
            (["render", ct, "-o", folder + "/x.png", "--window", "lung", "--steps", "window:bone"], "--window"),
            (["render", ct, "-o", folder + "/x.png", "--format", "jpeg"], "does not match"),
            (["render", ct, "-o", folder + "/x.png", "--output", folder + "/y.png"], "once"),
            (["render", ct, "-o", folder + "/x.png", "--window", "mammo"], "invalid window"),
            (["process", ct, "-o", folder + "/out", "--window", "lung", "--preset", "ct-bone"], "--window"),
        ]
        for (arguments, message) in cases {
            let result = try LucidBinary.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("Old spellings work and print one deprecation line each")
    func deprecated() throws {
        let folder = try LucidBinary.temporaryFolder()
        let output = try LucidBinary.run(["render", ct, "--output", folder + "/a.png"])
        #expect(output.status == 0)
        #expect(output.standardError == "lucid: --output is deprecated; use -o/--out\n", "\(output.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder + "/a.png"))

        let depth = try LucidBinary.run(["render", ct, "-o", folder + "/b.png", "--depth", "16"])
        #expect(depth.status == 0)
        #expect(depth.standardError == "lucid: --depth 16 is deprecated; use --format png16\n")
        #expect(try png(folder + "/b.png").storedBitDepth == 16)
        let format = try LucidBinary.run(["render", ct, "-o", folder + "/c.png", "--format", "png16"])
        #expect(format.status == 0)
        #expect(try png(folder + "/c.png").image == png(folder + "/b.png").image)

        let eight = try LucidBinary.run(["render", ct, "-o", folder + "/d.png", "--depth", "8"])
        #expect(eight.status == 0 && eight.standardError == "lucid: --depth 8 is deprecated; use --format png\n")

        let missing = folder + "/no-archive"
        let target = "dicomweb+http://127.0.0.1:9/dicom-web"
        let jobs = try LucidBinary.run(["archive", "push", missing, "--to", target, "--jobs", "1"])
        #expect(jobs.standardError.contains("lucid: archive push --jobs is deprecated; use --connections 1\n"))
        #expect(jobs.status == 1, "validated, then fails on the missing archive: \(jobs.standardError)")
        let connections = try LucidBinary.run(["archive", "push", missing, "--to", target, "--connections", "1"])
        #expect(connections.status == 1 && !connections.standardError.contains("deprecated"))
        let both = try LucidBinary.run([
            "archive", "push", missing, "--to", target, "--connections", "1", "--jobs", "1",
        ])
        #expect(both.status == 2)
        let many = try LucidBinary.run(["archive", "push", missing, "--to", target, "--connections", "17"])
        #expect(many.status == 2 && many.standardError.contains("--connections must be 1...16"))
    }
}
