import Foundation
import LucidTestSupport
import Testing

/// `lucid process --archive` on real files whose SOP Instance UID is not conformant or empty: kept,
/// noted on every channel, verified clean and listed with the stated UID.
@Suite struct OddUIDCommandTests {
    static let inputs = [
        ("leading-zero.dcm", SampleCorpus.path("cr_mono1_modality_lut_seq_jpegll.dcm")),
        ("empty-ot.dcm", SampleCorpus.path("ot_jpeg_baseline_gray8.dcm")),
        ("empty-sv1.dcm", SampleCorpus.codecsPath("JPEGLosslessSV1__JPEGLosslessP14SV1_1s_1f_u_16_16.dcm")),
    ]

    @Test("archived ok with a note in the JSON lines, the manifest, the summary and archive ls; verify clean")
    func oddUIDsAreArchived() throws {
        let fixture = try ProcessFixture()
        for (name, source) in Self.inputs {
            try FileManager.default.copyItem(atPath: source, toPath: fixture.input + "/" + name)
        }
        let archive = fixture.folder + "/archive"
        let first = try LucidBinary.run(
            ["process", fixture.input, "--archive", archive, "--out", fixture.output, "--json"])
        #expect(first.status == 0, "\(first.standardError)")
        let lines = ProcessFixture.jsonLines(first.standardOutput).filter { $0["path"] != nil }
        #expect(lines.count == 3)
        for line in lines {
            #expect(line["status"] as? String == "ok", "\(line)")
            let notes = line["notes"] as? [String] ?? []
            #expect(notes.count == 1, "\(line)")
            let name = ((line["path"] as? String ?? "") as NSString).lastPathComponent
            let expected = name == "leading-zero.dcm" ? "999.999.01.23.45.6789' is not conformant" : "is empty; filed"
            #expect(notes.first?.contains(expected) == true, "\(name): \(notes)")
            #expect(FileManager.default.fileExists(atPath: fixture.output + "/" + name + ".png"))
        }
        let manifest = try ProcessFixture.manifest(in: fixture.output)
        let files = manifest["files"] as? [[String: Any]] ?? []
        #expect(files.count == 3 && files.allSatisfy { ($0["notes"] as? [String])?.count == 1 })

        let verify = try LucidBinary.run(["verify", archive])
        #expect(verify.status == 0, "\(verify.outputText)\(verify.standardError)")

        let listed = try LucidBinary.run(["archive", "ls", archive, "--json"])
        #expect(listed.status == 0, "\(listed.standardError)")
        let patients = try #require(try JSONSerialization.jsonObject(with: listed.standardOutput) as? [[String: Any]])
        let instances = patients.flatMap { ($0["studies"] as? [[String: Any]]) ?? [] }
            .flatMap { ($0["series"] as? [[String: Any]]) ?? [] }.flatMap {
                ($0["instances"] as? [[String: Any]]) ?? []
            }
        #expect(instances.count == 3)
        #expect(instances.allSatisfy { $0["uidNote"] as? String != nil })
        #expect(
            Set(instances.compactMap { $0["statedSOPInstanceUID"] as? String }) == ["999.999.01.23.45.6789", ""])
        let text = try LucidBinary.run(["archive", "ls", archive])
        #expect(
            text.outputText.components(separatedBy: "        note: SOP Instance UID").count == 4, "\(text.outputText)")

        let again = try LucidBinary.run(["process", fixture.input, "--archive", archive])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardError.contains("3 skipped (3 already archived)"), "\(again.standardError)")
        #expect(again.standardError.contains("  note: \(fixture.input)/leading-zero.dcm: SOP Instance UID '999"))
        #expect(again.standardError.components(separatedBy: "  note: ").count == 4, "\(again.standardError)")
        let quiet = try LucidBinary.run(["process", fixture.input, "--archive", archive, "--quiet"])
        #expect(quiet.status == 0 && !quiet.standardError.contains("note:"), "\(quiet.standardError)")
    }

    @Test("process --help names the notes key")
    func helpNamesNotes() throws {
        let help = try LucidBinary.run(["process", "--help"])
        let words = help.outputText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("steps, preset, notes} (notes:"), "\(help.outputText)")
    }
}
