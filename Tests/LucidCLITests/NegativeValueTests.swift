import Foundation
import LucidImaging
import LucidPNG
import LucidTestSupport
import Testing

/// Values starting with '-' (a CT lung window's centre) given after a space, as users type them,
/// and the help topics naming every window, preset and step.
@Suite struct NegativeValueTests {
    let ct = SampleCorpus.path("ct_ge_ivrle_window.dcm")

    @Test("render --window -600,1500 (with a space) renders the lung window, as --window=-600,1500 does")
    func renderNegativeWindow() throws {
        let folder = try LucidBinary.temporaryFolder()
        let spaced = try LucidBinary.run(["render", ct, "-o", folder + "/a.png", "--window", "-600,1500"])
        #expect(spaced.status == 0, "\(spaced.standardError)")
        let joined = try LucidBinary.run(["render", ct, "-o", folder + "/b.png", "--window=-600,1500"])
        #expect(joined.status == 0, "\(joined.standardError)")
        let a = try PNGCodec.decode([UInt8](try #require(FileManager.default.contents(atPath: folder + "/a.png"))))
        let b = try PNGCodec.decode([UInt8](try #require(FileManager.default.contents(atPath: folder + "/b.png"))))
        #expect(a.image == b.image)
        #expect(a.text(forKeyword: "Window")?.contains("center -600 width 1500") == true, "\(a.textChunks)")
    }

    @Test("process --window -600,1500 (with a space) applies it to every file")
    func processNegativeWindow() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("ct_ge_ivrle_window.dcm", to: "ct.dcm")
        let result = try LucidBinary.run([
            "process", fixture.input, "-o", fixture.output, "--json", "--window", "-600,1500", "--jobs", "1",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let line = try #require(ProcessFixture.jsonLines(result.standardOutput).first)
        #expect((line["steps"] as? String)?.hasPrefix("window:-600") == true, "\(line)")
        #expect(line["status"] as? String == "ok")
    }

    @Test("A window that is really missing is reported as missing, nothing written")
    func missingWindow() throws {
        let folder = try LucidBinary.temporaryFolder()
        let last = try LucidBinary.run(["render", ct, "-o", folder + "/x.png", "--window"])
        #expect(last.status == 2)
        #expect(last.standardError.contains("Missing value for '--window"), "\(last.standardError)")
        for next in [["--frame", "1"], ["--json"], ["-o", folder + "/y.png"]] {
            let arguments = ["render", ct, "--out", folder + "/x.png", "--window"] + next
            let result = try LucidBinary.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(
                result.standardError.contains("the value is missing ('\(next[0])' is the next option)"),
                "\(result.standardError)")
        }
        let process = try LucidBinary.run(["process", ct, "-o", folder + "/out", "--window", "--jobs", "1"])
        #expect(process.status == 2)
        #expect(process.standardError.contains("the value is missing ('--jobs' is the next option)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("bench --center takes a negative number after a space")
    func benchNegativeCenter() throws {
        let result = try LucidBinary.run([
            "bench", "window", "--size", "40x30", "--center", "-100", "--width", "400", "--repeat", "1",
            "--json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let bad = try LucidBinary.run(["bench", "window", "--size", "40x30", "--center", "-6x"])
        #expect(bad.status == 2 && bad.standardError.contains("'-6x' is not a number"), "\(bad.standardError)")
    }

    @Test("lucid help windows|presets|steps list the actual names")
    func helpTopics() throws {
        let windows = try LucidBinary.run(["help", "windows"])
        #expect(windows.status == 0)
        for window in WindowPreset.allCases {
            #expect(windows.outputText.contains("  \(window.name) "), "\(window.name)")
        }
        for form in ["file:N", "lut:N", "CENTER,WIDTH", "minmax", "auto"] {
            #expect(windows.outputText.contains(form), "\(form)")
        }
        #expect(windows.outputText.contains("center -600, width 1500"))
        #expect(windows.outputText.contains("ct-lung") && windows.outputText.contains("ct-brain"))

        let list = try LucidBinary.run(["presets", "--json"])
        let names = try #require(
            try JSONSerialization.jsonObject(with: list.standardOutput) as? [[String: String]]
        ).compactMap { $0["name"] }
        #expect(names.count >= 9)
        let presets = try LucidBinary.run(["help", "presets"])
        #expect(presets.status == 0)
        for name in names { #expect(presets.outputText.contains("\n\(name)\n"), "\(name)") }
        #expect(presets.outputText.contains("window:abdomen"))

        let steps = try LucidBinary.run(["help", "steps"])
        #expect(steps.status == 0)
        for text in [
            "denoise:median:N", "gaussian", "denoise:bilateral:diameter=5,sigma-space=2,sigma-color=100",
            "denoise:nlm:h=30,template=7,search=21", "clahe:clip=2,tiles=8x8", "equalize",
            "unsharp:sigma=2,amount=1", "window:SPEC",
        ] {
            #expect(steps.outputText.contains(text), "\(text)")
        }
        let root = try LucidBinary.run(["--help"])
        #expect(root.outputText.contains("lucid help windows"))
    }
}
