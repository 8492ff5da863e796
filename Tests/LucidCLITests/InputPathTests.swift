import Foundation
import LucidTestSupport
import Testing

/// `lucid process`, `info` and `--files-from` on names that are not UTF-8 (`latin\xe9.dcm`, as an
/// old Windows share writes them): read, processed, mirrored under the same bytes, archived, and
/// shown escaped.
@Suite struct InputPathTests {
    static let latin = RawFileNames.path("/latin", [0xE9], ".dcm")
    static let folder = RawFileNames.path("/dossier", [0xE9])

    /// An input folder holding `latin\xe9.dcm` (MR) and `dossier\xe9/ct.dcm` (CT).
    static func fixture() throws -> ProcessFixture {
        let fixture = try ProcessFixture()
        let input = RawFileNames.path(fixture.input)
        try RawFileNames.write(try corpus("mr_small_evrle.dcm"), to: input + latin)
        try RawFileNames.makeFolder(input + folder)
        try RawFileNames.write(try corpus("ct_ge_ivrle_window.dcm"), to: input + folder + Array("/ct.dcm".utf8))
        return fixture
    }

    static func corpus(_ name: String) throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: SampleCorpus.path(name))))
    }

    /// The `source_path` of every instance in an archive's index, read by Python's sqlite3.
    static func sourcePaths(_ archive: String) throws -> [String] {
        guard let python = ExternalTool.find("python3") else {
            Issue.record("python3 is needed to read the archive index")
            return []
        }
        let script = """
            import sqlite3, sys
            for (path,) in sqlite3.connect(sys.argv[1]).execute("SELECT source_path FROM instances ORDER BY 1"):
                print(path)
            """
        let result = try ExternalTool.run(python, ["-c", script, archive + "/index.sqlite"])
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput.split(separator: "\n").map(String.init)
    }

    @Test("A file and a folder named in Latin-1 are processed ok, mirrored under their bytes, archived, shown as \\xe9")
    func processed() throws {
        let fixture = try Self.fixture()
        let archive = fixture.folder + "/archive"
        let result = try LucidBinary.run([
            "process", fixture.input, "--out", fixture.output, "--archive", archive, "--json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        let shown = [fixture.input + "/dossier\\xe9/ct.dcm", fixture.input + "/latin\\xe9.dcm"]
        #expect(lines.compactMap { $0["path"] as? String }.sorted() == shown)
        #expect(lines.dropLast().allSatisfy { $0["status"] as? String == "ok" }, "\(lines)")
        let summary = try #require(lines.last?["summary"] as? [String: Any])
        #expect(summary["ok"] as? Int == 2 && summary["files"] as? Int == 2)

        let output = RawFileNames.path(fixture.output)
        for rendition in [output + Self.latin + Array(".png".utf8), output + Self.folder + Array("/ct.dcm.png".utf8)] {
            #expect(
                RawFileNames.read(rendition)?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true,
                "\(RawFileNames.shown(rendition))")
        }
        #expect(try Self.sourcePaths(archive) == shown)
        let manifest = try ProcessFixture.manifest(in: fixture.output)
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["path"] as? String }.sorted() == shown)
        #expect(try LucidBinary.run(["verify", archive]).status == 0)
    }

    @Test("A failed Latin-1 name is listed escaped in the text summary, never as raw bytes")
    func textSummary() throws {
        let fixture = try Self.fixture()
        let cut = RawFileNames.path(fixture.input + "/cut", [0xE9], ".dcm")
        try RawFileNames.write(try Self.corpus("mr_small_truncated_pixeldata.dcm"), to: cut)
        let result = try BoundedRun.run(
            LucidBinary.path, ["process", fixture.input, "--out", fixture.output], seconds: 120)
        #expect(result.status == 1)
        #expect(result.errorText.contains("2 ok, 1 failed"), "\(result.errorText)")
        #expect(result.errorText.contains("failed: \(fixture.input)/cut\\xe9.dcm"), "\(result.errorText)")
        #expect(!result.standardError.contains(0xE9))
    }

    @Test("lucid info takes a Latin-1 argument; --files-from takes a Latin-1 line")
    func argumentAndList() throws {
        let fixture = try Self.fixture()
        let info = try BoundedRun.shell(
            #"exec "$LUCID" info "$(printf '%s/latin\351.dcm' "$DIR")""#, environment: ["DIR": fixture.input],
            seconds: 60)
        #expect(info.status == 0, "\(info.errorText)")
        #expect(info.outputText.hasPrefix(fixture.input + "/latin\\xe9.dcm\n"), "\(info.outputText)")

        let list = fixture.folder + "/list.txt"
        try RawFileNames.write(RawFileNames.path(fixture.input) + Self.latin + [10], to: RawFileNames.path(list))
        let result = try LucidBinary.run(["process", "--files-from", list, "--out", fixture.output, "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        #expect(lines.first?["path"] as? String == fixture.input + "/latin\\xe9.dcm")
        #expect(lines.first?["status"] as? String == "ok", "\(lines)")
    }
}
