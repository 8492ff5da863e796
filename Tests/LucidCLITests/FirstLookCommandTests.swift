import Foundation
import LucidTestSupport
import Testing

/// `lucid process`'s first look on the command line: `flags` in the JSON lines, the manifest and
/// the summary, `flag:` lines, `--fail-on`, and the archive index (schema version 5) with
/// `lucid archive ls`.
@Suite struct FirstLookCommandTests {
    /// An input folder with a clean CR, a signed MR with a 40 x 40 square at 32767 (saturated) and
    /// a CT made uniform (blank): three SOP Instance UIDs, so the archive files all three.
    static func fixture() throws -> ProcessFixture {
        let fixture = try ProcessFixture()
        try fixture.copy("cr_fuji_mono1_10bit.dcm", to: "clean.dcm")
        try ModifiedSample.write(
            SampleCorpus.path("mr_ge_ivrle_window.dcm"), to: fixture.input + "/saturated.dcm", columns: 256,
            rows: 256, ModifiedSample.square(100, 100, side: 40, value: 32767))
        try ModifiedSample.write(
            SampleCorpus.path("ct_nema_ct1_evrle.dcm"), to: fixture.input + "/blank.dcm", columns: 512, rows: 512,
            ModifiedSample.square(0, 0, side: 512, value: 24))
        return fixture
    }

    /// The JSON lines of the files, by file name.
    static func byName(_ output: Data) -> [String: [String: Any]] {
        var lines: [String: [String: Any]] = [:]
        for line in ProcessFixture.jsonLines(output) {
            guard let path = line["path"] as? String else { continue }
            lines[(path as NSString).lastPathComponent] = line
        }
        return lines
    }

    static func kinds(_ object: [String: Any]?) -> [String]? {
        (object?["flags"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
    }

    @Test("JSON lines, the manifest and the summary carry the flags; the archive index and archive ls too")
    func jsonManifestAndArchive() throws {
        let fixture = try Self.fixture()
        let archive = fixture.folder + "/archive"
        let run = try LucidBinary.run(
            ["process", fixture.input, "--out", fixture.output, "--archive", archive, "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = Self.byName(run.standardOutput)
        #expect(
            lines.mapValues { $0["status"] as? String } == [
                "clean.dcm": "ok", "saturated.dcm": "ok", "blank.dcm": "ok",
            ])
        #expect(Self.kinds(lines["clean.dcm"]) == [])
        #expect(Self.kinds(lines["saturated.dcm"]) == ["saturated"])
        #expect(Self.kinds(lines["blank.dcm"]) == ["blank"])
        let saturated = try #require((lines["saturated.dcm"]?["flags"] as? [[String: Any]])?.first)
        #expect(saturated["severity"] as? String == "warning" && saturated["value"] as? Int == 32767)
        #expect(saturated["frame"] as? Int == 1 && saturated["frames"] as? Int == 1)
        #expect(
            (saturated["message"] as? String)?.hasSuffix(
                "at the largest stored value 32767, away from the edge (frame 1)") == true)
        let blank = try #require((lines["blank.dcm"]?["flags"] as? [[String: Any]])?.first)
        #expect(
            blank["message"] as? String == "no signal: 99 % of the in-field pixels within 1 grey level(s) (frame 1)")
        #expect(blank["severity"] as? String == "alert" && blank["levels"] as? Int == 1)

        let summary = try #require(ProcessFixture.jsonLines(run.standardOutput).last?["summary"] as? [String: Any])
        #expect(summary["flaggedBy"] as? [String: Int] == ["saturated": 1, "blank": 1])
        #expect(summary["failedOn"] as? [String: Int] == [:])

        let manifest = try ProcessFixture.manifest(in: fixture.output)
        let files = manifest["files"] as? [[String: Any]] ?? []
        for file in files {
            let name = ((file["path"] as? String ?? "") as NSString).lastPathComponent
            let recorded = file["flags"] as? [[String: Any]] ?? [["missing": true]]
            let line = lines[name]?["flags"] as? [[String: Any]] ?? []
            #expect(NSArray(array: recorded).isEqual(to: line), "\(name)")
        }
        #expect(
            (manifest["summary"] as? [String: Any])?["flaggedBy"] as? [String: Int] == ["saturated": 1, "blank": 1])

        let listed = try LucidBinary.run(["archive", "ls", archive, "--json"])
        #expect(listed.status == 0, "\(listed.standardError)")
        let patients = try #require(try JSONSerialization.jsonObject(with: listed.standardOutput) as? [[String: Any]])
        let instances = patients.flatMap { ($0["studies"] as? [[String: Any]]) ?? [] }
            .flatMap { ($0["series"] as? [[String: Any]]) ?? [] }.flatMap {
                ($0["instances"] as? [[String: Any]]) ?? []
            }
        #expect(
            instances.compactMap { Self.kinds($0) }.sorted { $0.joined() < $1.joined() } == [
                [], ["blank"], ["saturated"],
            ])
        let text = try LucidBinary.run(["archive", "ls", archive])
        #expect(text.outputText.contains("        flag: saturated: " + (saturated["message"] as? String ?? "")))
        #expect(
            text.outputText.contains(
                "        flag: blank: no signal: 99 % of the in-field pixels within 1 grey level(s) (frame 1)"))
        #expect(try Self.sqlite(archive + "/index.sqlite", "PRAGMA user_version") == "5")

        // Run again: already archived, not looked at again; the index keeps the flags.
        let again = try LucidBinary.run(["process", fixture.input, "--archive", archive, "--json"])
        #expect(again.status == 0, "\(again.standardError)")
        let skipped = Self.byName(again.standardOutput)
        #expect(skipped.values.allSatisfy { $0["skipReason"] as? String == "alreadyArchived" && Self.kinds($0) == [] })
        #expect(try LucidBinary.run(["archive", "ls", archive]).outputText == text.outputText)
    }

    @Test("text: a flagged: count and one flag: line per flagged file, none with --quiet")
    func textLines() throws {
        let fixture = try Self.fixture()
        let run = try LucidBinary.run(["process", fixture.input, "--out", fixture.output])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains("lucid: flagged: 1 blank, 1 saturated"), "\(run.standardError)")
        let flagLines = lines.filter { $0.hasPrefix("  flag: ") }
        #expect(flagLines.count == 2)
        #expect(
            flagLines.contains(
                "  flag: \(fixture.input)/blank.dcm: blank: no signal: 99 % of the in-field pixels within 1 grey level(s) (frame 1)"
            ))
        #expect(flagLines.contains { $0.hasPrefix("  flag: \(fixture.input)/saturated.dcm: saturated: ") })
        let quiet = try LucidBinary.run(["process", fixture.input, "--out", fixture.folder + "/quiet", "--quiet"])
        #expect(quiet.status == 0 && !quiet.standardError.contains("flag"), "\(quiet.standardError)")
    }

    @Test("--fail-on: a chosen kind found makes exit status 1, the files stay ok; other kinds do not")
    func failOn() throws {
        let fixture = try Self.fixture()
        let failing = try LucidBinary.run(
            ["process", fixture.input, "--out", fixture.output, "--fail-on", "saturated", "--json"])
        #expect(failing.status == 1, "\(failing.standardError)")
        #expect(Self.byName(failing.standardOutput).values.allSatisfy { $0["status"] as? String == "ok" })
        let summary = try #require(ProcessFixture.jsonLines(failing.standardOutput).last?["summary"] as? [String: Any])
        #expect(summary["failedOn"] as? [String: Int] == ["saturated": 1] && summary["failed"] as? Int == 0)
        let text = try LucidBinary.run(
            [
                "process", fixture.input, "--out", fixture.folder + "/b", "--fail-on", "blank,drl", "--fail-on",
                "saturated",
            ])
        #expect(text.status == 1)
        #expect(
            text.standardError.contains(
                "lucid: exit status 1 for flags: 1 blank, 1 saturated (--fail-on blank,drl,saturated)"),
            "\(text.standardError)")
        let quiet = try LucidBinary.run(
            ["process", fixture.input, "--out", fixture.folder + "/c", "--fail-on", "blank", "--quiet"])
        #expect(
            quiet.status == 1
                && quiet.standardError.contains("lucid: exit status 1 for flags: 1 blank (--fail-on blank)"))
        let other = try LucidBinary.run(
            ["process", fixture.input, "--out", fixture.folder + "/d", "--fail-on", "drl,deviation-index,dose-check"])
        #expect(other.status == 0, "\(other.standardError)")
    }

    @Test("--fail-on an unknown kind is a usage error naming the known kinds")
    func unknownKind() throws {
        let fixture = try Self.fixture()
        let run = try LucidBinary.run([
            "process", fixture.input, "--out", fixture.output, "--fail-on", "saturated,glare",
        ])
        #expect(run.status == 2)
        #expect(
            run.standardError.contains(
                "--fail-on: unknown flag kind 'glare': use saturated, blank, deviation-index, drl, dose-check"),
            "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: fixture.output))
        let help = try LucidBinary.run(["process", "--help"])
        #expect(help.outputText.contains("--fail-on <kind,...>"))
    }

    @Test("an archive at schema version 4 is migrated to 5: its rows list null flags, new rows their flags")
    func versionFourMigrates() throws {
        let fixture = try Self.fixture()
        let archive = fixture.folder + "/archive"
        let old = fixture.folder + "/old"
        try FileManager.default.createDirectory(atPath: old, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: fixture.input + "/clean.dcm", toPath: old + "/clean.dcm")
        #expect(try LucidBinary.run(["process", old, "--archive", archive]).status == 0)
        let index = archive + "/index.sqlite"
        _ = try Self.sqlite(
            index,
            "SELECT 1",
            script:
                "ALTER TABLE instances DROP COLUMN flags; DELETE FROM grdb_migrations WHERE identifier = 'v5-flags'; "
                + "PRAGMA user_version = 4;")
        #expect(try Self.sqlite(index, "PRAGMA user_version") == "4")
        let listedOld = try LucidBinary.run(["archive", "ls", archive, "--json"])
        #expect(listedOld.status == 0 && listedOld.outputText.contains(#""flags":null"#), "\(listedOld.standardError)")

        let run = try LucidBinary.run(["process", fixture.input, "--archive", archive, "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Self.sqlite(index, "PRAGMA user_version") == "5")
        #expect(
            try Self.sqlite(
                index,
                "SELECT group_concat(coalesce(json_extract(flags, '$[0].kind'), flags, 'null'), ',') FROM (SELECT flags FROM instances ORDER BY source_path)"
            )
                == "blank,saturated,null")
        let verify = try LucidBinary.run(["verify", archive])
        #expect(verify.status == 0, "\(verify.outputText)\(verify.standardError)")
    }

    /// The first column of the first row of `query` on the index at `path` (after `script`), read
    /// by Python's sqlite3, outside Lucid; nil when Python is missing (recorded as an issue).
    static func sqlite(_ path: String, _ query: String, script: String = "") throws -> String? {
        let python = ExternalTool.find("python3")
        guard ExternalTool.require(python != nil, tool: "python3", install: "apt-get install -y python3"), let python
        else { return nil }
        let program = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[3]); c.commit()
            print(c.execute(sys.argv[2]).fetchone()[0])
            """
        let result = try ExternalTool.run(python, ["-c", program, path, query, script])
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
