import Foundation
import LucidArchive
import LucidPNG
import LucidTestSupport
import Testing

/// The run manifest of `lucid process`: one JSON file per run in `--out` and in `<--archive>/runs/`,
/// agreeing with the JSON lines and with what was written.
@Suite struct ProcessManifestTests {
    @Test("--out: exactly one manifest, matching the JSON lines, the PNG Window chunks and the version")
    func outManifest() throws {
        let fixture = try ProcessFixture.standard()
        let arguments = [
            "process", fixture.input, "--out", fixture.output, "--json", "--preset", "auto", "--jobs", "2",
        ]
        let result = try LucidBinary.run(arguments)
        #expect(result.status == 1, "\(result.standardError)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        let manifest = try ProcessFixture.manifest(in: fixture.output)
        let name = try #require(ProcessFixture.manifests(in: fixture.output).first)
        #expect(name.wholeMatch(of: /lucid-run-\d{8}T\d{6}Z-\d+\.json/) != nil, "\(name)")
        #expect(ProcessFixture.files(under: fixture.folder).filter { $0.contains(".tmp-") }.isEmpty)

        #expect(manifest["arguments"] as? [String] == arguments)
        let started = try #require(manifest["started"] as? String)
        let ended = try #require(manifest["ended"] as? String)
        #expect(started.hasSuffix("Z") && ended.hasSuffix("Z") && started <= ended)
        #expect(name.hasPrefix("lucid-run-" + started.prefix(10).replacingOccurrences(of: "-", with: "") + "T"))
        let options = try #require(manifest["options"] as? [String: Any])
        #expect(options["preset"] as? String == "auto" && options["formats"] as? [String] == ["png"])
        #expect(options["jobs"] as? Int == 2 && options["out"] as? String == fixture.output)
        #expect((options["steps"] as? String)?.isEmpty == false)

        let summaryLine = try #require(lines.last?["summary"] as? [String: Any])
        let summary = try #require(manifest["summary"] as? [String: Any])
        for key in ["files", "ok", "failed", "skipped"] { #expect(summary[key] as? Int == summaryLine[key] as? Int) }
        #expect(summary["interrupted"] as? Bool == false)

        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(files.count == lines.count - 1)
        let byPath = Dictionary(files.compactMap { file in (file["path"] as? String).map { ($0, file) } }) { a, _ in a }
        for line in lines.dropLast() {
            let path = try #require(line["path"] as? String)
            let file = try #require(byPath[path], "\(path)")
            for key in ["status", "steps", "preset", "error", "errorCode"] {
                #expect(file[key] as? String == line[key] as? String, "\(path) \(key)")
            }
            let outputs = try #require(file["outputs"] as? [[String: Any]])
            let resolved = outputs.compactMap { $0["path"] as? String }.map { fixture.output + "/" + $0 }
            #expect(resolved == line["outputs"] as? [String], "\(path)")
            let windows = try #require(file["windows"] as? [[String: Any]])
            #expect(windows.count == resolved.count, "\(path): one window per rendered frame")
            for (output, window) in zip(resolved, windows) {
                let png = try PNGCodec.decode([UInt8](try #require(FileManager.default.contents(atPath: output))))
                #expect(window["description"] as? String == png.text(forKeyword: "Window"), "\(path)")
                #expect(png.text(forKeyword: "Software") == "Lucid " + (manifest["lucidVersion"] as? String ?? "?"))
            }
        }
        let ct = try #require(byPath[fixture.input + "/ct/ct.dcm"]?["windows"] as? [[String: Any]])
        #expect(ct.first?["center"] is Double && ct.first?["width"] is Double)
        #expect(ct.first?["function"] as? String == "LINEAR")
    }

    @Test("--archive: the manifest lands in runs/ with the archive's SHA-256; verify still exits 0")
    func archiveManifest() throws {
        let fixture = try ArchiveFixture(bad: false)
        let (result, lines) = try fixture.process(["--steps", "window:file"])
        #expect(result.status == 0, "\(result.standardError)")
        let runs = fixture.archive + "/" + Archive.runsFolder
        let manifest = try ProcessFixture.manifest(in: runs)
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(files.count == lines.count - 1)
        #expect((manifest["options"] as? [String: Any])?["steps"] as? String == "window:file")
        var checked = 0
        for file in files where file["status"] as? String == "ok" {
            for output in try #require(file["outputs"] as? [[String: Any]]) {
                let relative = try #require(output["path"] as? String)
                #expect(relative.hasPrefix("../"), "\(relative) is relative to runs/")
                let bytes = try #require(FileManager.default.contents(atPath: runs + "/" + relative))
                #expect(output["sha256"] as? String == SHA256.hex([UInt8](bytes)), "\(relative)")
                checked += 1
            }
        }
        #expect(checked > 0)
        #expect(try LucidBinary.run(["verify", fixture.archive]).status == 0)

        let (again, _) = try fixture.process(["--steps", "window:file"])
        #expect(again.status == 0)
        #expect(ProcessFixture.manifests(in: runs).count == 2, "one manifest per run")
        let verify = try LucidBinary.run(["verify", fixture.archive])
        #expect(verify.status == 0, "\(verify.outputText)")
        #expect(ProcessFixture.files(under: fixture.archive).filter { $0.contains(".tmp-") }.isEmpty)
    }
}
