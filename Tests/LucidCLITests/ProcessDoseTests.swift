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

    /// A copy of the real DX header `DX-Im-DRGEM.dcm` (Implicit VR Little Endian, 4 x 4 pixels, DAP
    /// 135.18 dGy.cm2, no exposure index) with Exposure Index (0018,1411) `exposureIndex` and Target
    /// Exposure Index (0018,1412) 250 inserted, and Deviation Index (0018,1413) when given; every
    /// other byte as the vendor wrote it.
    static func realDX(exposureIndex: String, deviationIndex: String?, to path: String) throws {
        let source = SampleCorpus.dosePath("DX-Im-DRGEM.dcm")
        let file = try DICOMFile.read(path: source)
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: source)))
        let indices = (0x1411...0x1413).map { DICOMTag(0x0018, UInt16($0)) }
        #expect(!file.dataSet.elements.contains { indices.contains($0.tag) }, "the original has no exposure index")
        var values = [(indices[0], exposureIndex), (indices[1], "250")]
        if let deviationIndex { values.append((indices[2], deviationIndex)) }
        var inserted: [UInt8] = []
        for (tag, text) in values {
            let value = Array(text.utf8) + (text.utf8.count % 2 == 1 ? [0x20] : [])
            inserted += [0x18, 0x00, UInt8(tag.element & 0xFF), UInt8(tag.element >> 8)]
            inserted +=
                file.dataSet.isExplicitVR ? Array("DS".utf8) + [UInt8(value.count), 0] : [UInt8(value.count), 0, 0, 0]
            inserted += value
        }
        let next = try #require(file.dataSet.elements.first { $0.tag > indices[2] })
        bytes.insert(contentsOf: inserted, at: next.offset)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
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

    @Test("A real DX header with EI 95 and target 250: DI -4.2, written or computed, is an alert; DI -0.97 is not")
    func realHeaderDeviationIndex() throws {
        let fixture = try ProcessFixture()
        try Self.realDX(exposureIndex: "95", deviationIndex: "-4.2", to: fixture.input + "/written.dcm")
        try Self.realDX(exposureIndex: "95", deviationIndex: nil, to: fixture.input + "/computed.dcm")
        try Self.realDX(exposureIndex: "200", deviationIndex: nil, to: fixture.input + "/near.dcm")
        let result = try LucidBinary.run(["process", fixture.input, "--out", fixture.output, "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = ProcessFixture.jsonLines(result.standardOutput)
        func line(_ name: String) -> [String: Any]? { lines.first { ($0["path"] as? String)?.hasSuffix(name) == true } }
        func deviation(_ name: String) -> [String: Any]? {
            (line(name)?["flags"] as? [[String: Any]])?.first { $0["kind"] as? String == "deviation-index" }
        }
        #expect(line("written.dcm")?["status"] as? String == "ok")
        #expect(Self.flags(line("written.dcm")) == ["deviation-index/alert", "drl/warning"])
        #expect(Self.flags(line("computed.dcm")) == ["deviation-index/alert", "drl/warning"])
        #expect(Self.flags(line("near.dcm")) == ["drl/warning"])
        let written = try #require(deviation("written.dcm"))
        #expect(written["deviationIndex"] as? Double == -4.2)
        #expect(written["band"] as? String == "excessiveUnder")
        #expect(written["exposureIndex"] as? Double == 95 && written["targetExposureIndex"] as? Double == 250)
        #expect(
            written["message"] as? String == "Deviation Index -4.2: excessive underexposure; repeat (AAPM TG-116)")
        let computed = try #require(deviation("computed.dcm")?["deviationIndex"] as? Double)
        #expect(abs(computed - 10 * log10(95.0 / 250)) < 1e-9 && abs(computed + 4.2) < 0.01, "\(computed)")
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
