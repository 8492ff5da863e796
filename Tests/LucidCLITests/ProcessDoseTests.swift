import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// The dose part of the first look in `lucid process`: Deviation Index and reference-level flags from
/// headers and dose reports, dose reports skipped by reason, `--drl`, and the study totals of `--report`.
@Suite struct ProcessDoseTests {
    /// A 16 x 16 DX image (12 bits, a ramp) whose header gives EI 95, target 250 and DI -4.2.
    static func underexposedDX() throws -> [UInt8] {
        var dataSet = SyntheticDose.image(
            modality: "DX",
            attributes: [
                (DICOMTag(0x0018, 0x1411), .DS, "95"), (DICOMTag(0x0018, 0x1412), .DS, "250"),
                (DICOMTag(0x0018, 0x1413), .DS, "-4.2"),
            ])
        dataSet.set(.samplesPerPixel, .US, .uint16s([1]))
        dataSet.set(.photometricInterpretation, .CS, "MONOCHROME2")
        dataSet.set(.rows, .US, .uint16s([16]))
        dataSet.set(.columns, .US, .uint16s([16]))
        dataSet.set(.bitsAllocated, .US, .uint16s([16]))
        dataSet.set(.bitsStored, .US, .uint16s([12]))
        dataSet.set(.highBit, .US, .uint16s([11]))
        dataSet.set(.pixelRepresentation, .US, .uint16s([0]))
        dataSet.set(.pixelData, .OW, .uint16s((0..<256).map { UInt16(400 + $0 * 12) }))
        return try Part10Writer.encode(dataSet, implementationVersion: "0.1.0")
    }

    static func flags(_ line: [String: Any]?) -> [String] {
        ((line?["flags"] as? [[String: Any]]) ?? []).map { "\($0["kind"] ?? "")/\($0["severity"] ?? "")" }
    }

    @Test("DI -4.2 in a header is an alert; a DAP above FANC's level a drl warning; reports are skipped by reason")
    func headerAndReports() throws {
        let fixture = try ProcessFixture()
        try fixture.write(try Self.underexposedDX(), to: "dx.dcm")
        for name in [
            "DX-Im-DRGEM.dcm", "DX-Im-SiemensMultix.dcm", "CT-RDSR-SpectrumDynamics.dcm", "RF-ESR-Siemens-Varic.dcm",
        ] {
            try FileManager.default.copyItem(atPath: SampleCorpus.dosePath(name), toPath: fixture.input + "/" + name)
        }
        let result = try LucidBinary.run(["process", fixture.input, "--out", fixture.output, "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        func line(_ name: String) -> [String: Any]? { lines.first { ($0["path"] as? String)?.hasSuffix(name) == true } }
        #expect(Self.flags(line("dx.dcm")) == ["deviation-index/alert"])
        #expect(Self.flags(line("DX-Im-DRGEM.dcm")) == ["drl/warning"])
        #expect(Self.flags(line("DX-Im-SiemensMultix.dcm")).isEmpty)
        #expect(line("CT-RDSR-SpectrumDynamics.dcm")?["skipReason"] as? String == "doseReport")
        #expect(line("RF-ESR-Siemens-Varic.dcm")?["skipReason"] as? String == "notAnImage")
        let summary = try #require(lines.last?["summary"] as? [String: Any])
        #expect(summary["flaggedBy"] as? [String: Int] == ["deviation-index": 1, "drl": 1])
        let stop = try LucidBinary.run([
            "process", fixture.input, "--out", fixture.output, "--fail-on", "deviation-index",
        ])
        #expect(stop.status == 1, "\(stop.standardError)")
    }

    @Test("--drl FILE: a CT report above the department's level is flagged and its study total shown against it")
    func departmentLevels() throws {
        let fixture = try ProcessFixture()
        try FileManager.default.copyItem(
            atPath: SampleCorpus.dosePath("CT-RDSR-SpectrumDynamics.dcm"), toPath: fixture.input + "/ct-dose.dcm")
        let levels = fixture.folder + "/levels.csv"
        try "exam,modality,match,quantity,limit,unit,source\nAny CT,CT,.,dlpTotal,100,mGy.cm,Department 2026\n"
            .write(toFile: levels, atomically: true, encoding: .utf8)
        let report = fixture.folder + "/report.html"
        let result = try LucidBinary.run([
            "process", fixture.input, "--out", fixture.output, "--drl", levels, "--report", report, "--json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let line = ProcessFixture.jsonLines(result.standardOutput).first { $0["path"] != nil }
        let flag = try #require((line?["flags"] as? [[String: Any]])?.first)
        #expect(flag["kind"] as? String == "drl" && flag["source"] as? String == "Department 2026", "\(flag)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("DLP total 187.339 mGy.cm"), "the study's total")
        #expect(html.contains("Department 2026"))

        try "exam,modality\nbroken\n".write(toFile: levels, atomically: true, encoding: .utf8)
        let bad = try LucidBinary.run(["process", fixture.input, "--out", fixture.folder + "/never", "--drl", levels])
        #expect(bad.status == 2 && bad.standardError.contains("lucid process: --drl \(levels)"), "\(bad.standardError)")
        #expect(!FileManager.default.fileExists(atPath: fixture.folder + "/never"))
    }
}
