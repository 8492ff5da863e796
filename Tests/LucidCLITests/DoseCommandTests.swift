import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// `lucid dose`: JSON keys exactly, study sums over reports with a duplicate, exit statuses, the table.
@Suite struct DoseCommandTests {
    static let fileKeys: Set<String> = [
        "path", "kind", "modality", "studyInstanceUID", "ct", "projection", "exposure", "dap", "ctdiVol",
        "entranceDose", "organDose", "flags",
    ]

    static func lines(_ result: LucidBinary.Result) throws -> [[String: Any]] {
        try result.outputText.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static func write(_ dataSet: WritableDataSet, to path: String) throws {
        try Data(try SyntheticDose.bytes(dataSet)).write(to: URL(fileURLWithPath: path))
    }

    static func ctReport(uid: String, dlp: Double, studyDescription: String? = nil) -> WritableDataSet {
        SyntheticDose.report(
            sopInstance: uid, study: "1.2.826.0.1.3680043.2.1125.77", studyDescription: studyDescription,
            content: [
                SyntheticDose.container("113811", [SyntheticDose.num("113813", dlp, unit: "mGycm")]),
                SyntheticDose.ctAcquisition(ctdiVol: 8, dlp: dlp, dlpUnit: "mGycm"),
            ])
    }

    @Test("--json over the dose set: one line per file, exactly the documented keys, exit 0")
    func jsonKeys() throws {
        let result = try LucidBinary.run(["dose", "--json", SampleCorpus.doseDirectory])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try Self.lines(result)
        #expect(lines.count == 23)
        for line in lines { #expect(Set(line.keys) == Self.fileKeys, "\(line["path"] ?? "")") }
        let ct = try #require(lines.first { ($0["path"] as? String)?.hasSuffix("NM-CT-RDSR-Siemens.dcm") ?? false })
        let total = try #require((ct["ct"] as? [String: Any])?["dlpTotal"] as? [String: Any])
        #expect(total["value"] as? Double == 667.72 && total["unit"] as? String == "mGy.cm")
        let events = try #require((ct["ct"] as? [String: Any])?["events"] as? [[String: Any]])
        #expect(events.count == 2 && Set(events[0].keys) == ["ctdiVol", "dlp", "phantom"])
        let dx = try #require(lines.first { ($0["path"] as? String)?.hasSuffix("DX-Im-DRGEM.dcm") ?? false })
        #expect(dx["kind"] as? String == "header" && dx["ct"] is NSNull && dx["exposure"] is NSNull)
        #expect((dx["dap"] as? [String: Any])?["unit"] as? String == "dGy.cm2")
        let flag = try #require((dx["flags"] as? [[String: Any]])?.first)
        #expect(Set(flag.keys) == ["kind", "severity", "message", "exam", "quantity", "value", "limit", "source"])
    }

    @Test("--study sums two reports of one study and counts a copy of one once")
    func study() throws {
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.write(Self.ctReport(uid: "1.2.826.0.1.3680043.2.1125.77.1", dlp: 310.25), to: folder + "/a.dcm")
        try Self.write(Self.ctReport(uid: "1.2.826.0.1.3680043.2.1125.77.2", dlp: 189.5), to: folder + "/b.dcm")
        try Self.write(Self.ctReport(uid: "1.2.826.0.1.3680043.2.1125.77.1", dlp: 310.25), to: folder + "/c-copy.dcm")
        let result = try LucidBinary.run(["dose", "--json", "--study", folder])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try Self.lines(result)
        #expect(lines.count == 4)
        let study = try #require(lines.last)
        #expect(Set(study.keys) == ["study", "reports", "ct", "projection", "flags"])
        #expect(study["study"] as? String == "1.2.826.0.1.3680043.2.1125.77")
        #expect((study["reports"] as? [String])?.count == 2)
        let ct = try #require(study["ct"] as? [String: Any])
        let total = try #require(ct["dlpTotal"] as? [String: Any])
        #expect(total["value"] as? Double == 499.75 && total["unit"] as? String == "mGy.cm")
        #expect((ct["events"] as? [[String: Any]])?.count == 2)
    }

    @Test("--study: reports each below a DLP total level whose sum is above it: only the study line is flagged")
    func studyAboveReferenceLevel() throws {
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, uid, dlp) in [
            ("a", "1.2.826.0.1.3680043.2.1125.77.1", 310.25), ("b", "1.2.826.0.1.3680043.2.1125.77.2", 189.5),
        ] {
            try Self.write(
                Self.ctReport(uid: uid, dlp: dlp, studyDescription: "CT ABDOMEN"), to: folder + "/\(name).dcm")
        }
        let levels = folder + "/levels.csv"
        let csv = "exam,modality,match,quantity,limit,unit,source\nAbdomen,CT,abdomen,dlpTotal,400,mGy.cm,Local 2026\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: levels))
        let result = try LucidBinary.run(["dose", "--json", "--study", "--drl", levels, folder])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try Self.lines(result)
        #expect(lines.count == 3)
        for line in lines.dropLast() {
            #expect((line["flags"] as? [Any])?.isEmpty == true, "\(line["path"] ?? ""): \(line["flags"] ?? "")")
        }
        let study = try #require(lines.last)
        #expect(study["study"] as? String == "1.2.826.0.1.3680043.2.1125.77")
        let flags = try #require(study["flags"] as? [[String: Any]])
        #expect(flags.count == 1)
        let flag = try #require(flags.first)
        #expect(flag["kind"] as? String == "drl" && flag["severity"] as? String == "warning")
        #expect(flag["exam"] as? String == "Abdomen" && flag["quantity"] as? String == "dlpTotal")
        #expect(flag["source"] as? String == "Local 2026")
        let value = try #require(flag["value"] as? [String: Any])
        #expect(value["value"] as? Double == 499.75 && value["unit"] as? String == "mGy.cm", "\(value)")
        let limit = try #require(flag["limit"] as? [String: Any])
        #expect(limit["value"] as? Double == 400 && limit["unit"] as? String == "mGy.cm", "\(limit)")

        let table = try LucidBinary.run(["dose", "--study", "--drl", levels, folder])
        #expect(table.status == 0, "\(table.standardError)")
        let rows = table.outputText.split(separator: "\n").map(String.init)
        let warning =
            "    warning drl: Abdomen: dlpTotal 499.75 mGy.cm above the reference level 400 mGy.cm (Local 2026)"
        #expect(rows.filter { $0.contains("warning drl") } == [warning], "\(table.outputText)")
        let studyRow = try #require(rows.firstIndex { $0.hasPrefix("study 1.2.826.0.1.3680043.2.1125.77") })
        #expect(rows.dropFirst(studyRow + 1).first == warning, "the warning is under the study's row")
    }

    @Test("Exit 1 for an unreadable or non-DICOM file named, the others still reported; non-DICOM in a folder skipped")
    func exitStatuses() throws {
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not an image\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        let good = SampleCorpus.dosePath("DX-Im-SiemensMultix.dcm")
        let skipped = try LucidBinary.run(["dose", "--json", folder, good])
        #expect(skipped.status == 0 && skipped.standardError.isEmpty, "\(skipped.standardError)")
        #expect(try Self.lines(skipped).count == 1)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: SampleCorpus.dosePath("NM-CT-RDSR-Siemens.dcm")))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: folder + "/truncated.dcm"))
        let failed = try LucidBinary.run(["dose", "--json", folder + "/truncated.dcm", folder + "/notes.txt", good])
        #expect(failed.status == 1)
        #expect(failed.standardError.contains("truncated.dcm") && failed.standardError.contains("notes.txt"))
        #expect(try Self.lines(failed).map { $0["path"] as? String } == [good])
    }

    @Test("A bad --drl file: exit 2 naming its line and column")
    func badReferenceLevels() throws {
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = "exam,modality,match,quantity,limit,unit,source\nHead,CT,head,dose,800,mGy.cm,Local\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder + "/levels.csv"))
        let result = try LucidBinary.run([
            "dose", "--drl", folder + "/levels.csv", SampleCorpus.dosePath("NM-CT-RDSR-Siemens.dcm"),
        ])
        #expect(result.status == 2)
        #expect(result.standardError.contains("levels.csv:2: column 'quantity': 'dose' is not one of"))
    }

    @Test("--drl replaces the built-in levels; the table shows files, doses and flags")
    func table() throws {
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = "exam,modality,match,quantity,limit,unit,source\nPET-CT,CT,ganzk,dlpTotal,500,mGy.cm,Local 2024\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder + "/levels.csv"))
        let result = try LucidBinary.run([
            "dose", "--drl", folder + "/levels.csv", SampleCorpus.dosePath("NM-CT-RDSR-Siemens.dcm"),
            SampleCorpus.dosePath("DX-Im-DRGEM.dcm"),
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.outputText.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("FILE") == true && lines.first?.contains("DOSE") == true)
        #expect(lines.contains { $0.contains("NM-CT-RDSR-Siemens.dcm") && $0.contains("DLP total 667.72 mGy.cm") })
        #expect(
            lines.contains(
                "    warning drl: PET-CT: dlpTotal 667.72 mGy.cm above the reference level 500 mGy.cm (Local 2024)"))
        #expect(!result.outputText.contains("Radiography Abdomen"))
    }
}
