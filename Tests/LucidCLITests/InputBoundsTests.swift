import Foundation
import LucidTestSupport
import Testing

/// Inputs that must not make `lucid process` unbounded: a huge file that is not DICOM, overlong
/// or NUL-holding `--files-from` lines, a FIFO put in a listed file's place.
@Suite struct InputBoundsTests {
    @Test("A 3 GiB file that is not DICOM is skipped after its first bytes, within 2 GiB of address space")
    func hugeNotDICOM() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("mr_small_evrle.dcm", to: "mr.dcm")
        let big = fixture.input + "/big.txt"
        try fixture.write(Array("not an image\n".utf8), to: "big.txt")
        let handle = try #require(FileHandle(forWritingAtPath: big))
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: big) }
        let result = try BoundedRun.shell(
            #"ulimit -v 2097152 && exec "$LUCID" process "$DIR/in" --out "$DIR/out" --json --jobs 1"#,
            environment: ["DIR": fixture.folder], seconds: 60)
        #expect(result.status == 0, "\(result.errorText)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        let skipped = lines.first { $0["path"] as? String == big }
        #expect(skipped?["status"] as? String == "skipped" && skipped?["error"] as? String == "not DICOM", "\(lines)")
        #expect(
            lines.contains { $0["path"] as? String == fixture.input + "/mr.dcm" && $0["status"] as? String == "ok" })
    }

    @Test("--files-from: a 200 KB line and a line with a NUL fail by list and line number; the others are processed")
    func listLines() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("mr_small_evrle.dcm", to: "a.dcm")
        try fixture.copy("ct_ge_ivrle_window.dcm", to: "b.dcm")
        let list = fixture.folder + "/list.txt"
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        let bytes =
            Array("\(fixture.input)/a.dcm\n".utf8) + long + [10] + Array("\(fixture.input)/b.dcm\n".utf8)
            + Array("\(fixture.input)/a.dcm".utf8) + [0] + Array("ignored\n".utf8)
        #expect(FileManager.default.createFile(atPath: list, contents: Data(bytes)))
        let result = try BoundedRun.run(
            LucidBinary.path, ["process", "--files-from", list, "--out", fixture.output, "--json", "--jobs", "1"],
            seconds: 120)
        #expect(result.status == 1, "\(result.errorText)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        let byPath = Dictionary(lines.compactMap { line in (line["path"] as? String).map { ($0, line) } }) { a, _ in a }
        #expect(byPath.count == 4, "\(byPath.keys.sorted())")
        for name in ["a.dcm", "b.dcm"] { #expect(byPath[fixture.input + "/" + name]?["status"] as? String == "ok") }
        let long2 = try #require(byPath[list + ":2"], "\(byPath.keys.sorted())")
        #expect(long2["status"] as? String == "failed")
        #expect((long2["error"] as? String)?.contains("line 2 is longer than 65536 bytes") == true, "\(long2)")
        let nul = try #require(byPath[list + ":4"], "\(byPath.keys.sorted())")
        #expect(nul["status"] as? String == "failed")
        #expect((nul["error"] as? String)?.contains("line 4 holds a NUL byte") == true, "\(nul)")
    }

    @Test("--files-from: a 1 GiB line is skipped within 1 GiB of address space; the lines after it are read")
    func gigabyteLine() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("mr_small_evrle.dcm", to: "a.dcm")
        let list = fixture.folder + "/list.txt"
        #expect(FileManager.default.createFile(atPath: list, contents: Data("x".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: list))
        try handle.truncate(atOffset: 1 << 30)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n\(fixture.input)/a.dcm\n".utf8))
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: list) }
        let result = try BoundedRun.shell(
            #"ulimit -v 1048576 && exec "$LUCID" process --files-from "$LIST" --out "$OUT" --json --jobs 1"#,
            environment: ["LIST": list, "OUT": fixture.output], seconds: 120)
        #expect(result.status == 1, "\(result.errorText)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        #expect(lines.first?["path"] as? String == list + ":1" && lines.first?["status"] as? String == "failed")
        #expect(lines.dropFirst().first?["status"] as? String == "ok", "\(lines)")
    }

    @Test("A FIFO put in a listed file's place is skipped as not a regular file; the run ends")
    func fifoSwapped() throws {
        let fixture = try ProcessFixture()
        let paths = (0..<4).map { fixture.input + "/\($0).dcm" }
        for index in 0..<4 { try fixture.copy("ct_ge_ivrle_window.dcm", to: "\(index).dcm") }
        // One job and a slow recipe (non-local means on 512 x 512): the walker reads and checks every
        // line at once (two paths queued, the third waiting for room), while the first file takes
        // far longer than the pause before two listed files become FIFOs.
        let arguments = [
            "process", "--files-from", "-", "--out", fixture.output, "--json", "--jobs", "1", "--threads", "1",
            "--steps", "denoise:nlm | window:file",
        ]
        let result = try BoundedRun.run(LucidBinary.path, arguments, seconds: 120) { _, input in
            input.write(Data(paths.map { $0 + "\n" }.joined().utf8))
            usleep(300_000)
            for path in paths[2...] {
                try FileManager.default.removeItem(atPath: path)
                #expect(mkfifo(path, 0o644) == 0)
            }
            try input.close()
        }
        let status = try #require(result.status, "lucid hung on a FIFO and was killed")
        #expect(status == 0, "\(result.errorText)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        for path in paths[2...] {
            let line = lines.first { $0["path"] as? String == path }
            #expect(line?["status"] as? String == "skipped", "\(lines)")
            #expect((line?["error"] as? String)?.contains("(a FIFO)") == true, "\(lines)")
        }
        for path in paths[..<2] {
            #expect(lines.contains { $0["path"] as? String == path && $0["status"] as? String == "ok" }, "\(lines)")
        }
    }

    @Test("SIGINT while --files-from - waits for its next line ends the run: exit 130")
    func interruptedWhileWaitingForLines() throws {
        let fixture = try ProcessFixture()
        let result = try BoundedRun.run(
            LucidBinary.path, ["process", "--files-from", "-", "--out", fixture.output, "--json"], seconds: 30
        ) { process, _ in
            // Standard input stays open and empty: lucid waits for a line when the signal comes.
            let deadline = Date().addingTimeInterval(10)
            while !FileManager.default.fileExists(atPath: fixture.output) && Date() < deadline { usleep(10_000) }
            usleep(500_000)
            kill(process.processIdentifier, SIGINT)
        }
        #expect(try #require(result.status, "lucid ignored SIGINT while reading its list") == 130)
        let summary = try #require(ProcessFixture.jsonLines(result.standardOutput).last?["summary"] as? [String: Any])
        #expect(summary["interrupted"] as? Bool == true)
    }

    @Test("lucid process --help states the input caps")
    func help() throws {
        let help = try LucidBinary.run(["process", "--help"]).outputText
        #expect(help.contains("64 KiB") && help.contains("NUL") && help.contains("first 132 bytes"), "\(help)")
        #expect(help.contains("not UTF-8") && help.contains("opened without blocking"), "\(help)")
    }
}
