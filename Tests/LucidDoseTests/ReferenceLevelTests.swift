import Foundation
import LucidDICOM
import LucidDose
import LucidTestSupport
import Testing

/// Diagnostic reference levels: a hand-made table against reports above and below their levels,
/// limits in other units than the values, the built-in FANC table on real files.
@Suite struct ReferenceLevelTests {
    static let table = """
        exam,modality,match,quantity,limit,unit,source
        CT head,CT,"^(ct )?(head|brain)",dlpTotal,800,mGy.cm,Hand-made table 1
        CT head,CT,"^(ct )?(head|brain)",ctdiVol,50,mGy,Hand-made table 2
        Chest PA,CR|DX,chest.*p\\.?a,dap,0.15,Gy.cm2,Hand-made table 3
        Fluoroscopy,RF|XA,swallow,dapTotal,0.002,Gy.m2,Hand-made table 4
        """

    static func ctReport(dlpTotal: Double, ctdiVol: Double, description: String) throws -> DoseFacts {
        DoseFacts(
            dataSet: try SyntheticDose.read(
                SyntheticDose.report(
                    studyDescription: description,
                    content: [
                        SyntheticDose.container("113811", [SyntheticDose.num("113813", dlpTotal, unit: "mGycm")]),
                        SyntheticDose.ctAcquisition(ctdiVol: ctdiVol, dlp: dlpTotal, dlpUnit: "mGycm"),
                    ])))
    }

    static func dx(dap: String, protocolName: String) throws -> DoseFacts {
        DoseFacts(
            dataSet: try SyntheticDose.read(
                SyntheticDose.image(
                    modality: "DX",
                    attributes: [(DICOMTag(0x0018, 0x115E), .DS, dap), (DICOMTag(0x0018, 0x1030), .LO, protocolName)])))
    }

    @Test("A CT report above its levels: DLP total and CTDIvol flagged with exam, value, limit and source")
    func above() throws {
        let levels = try DRLTable(csv: Self.table, source: "levels.csv")
        let flags = try Self.ctReport(dlpTotal: 912, ctdiVol: 61.5, description: "CT Head").flags(
            referenceLevels: levels)
        #expect(flags.map(\.kind) == ["drl", "drl"])
        let dlp = try #require(flags.first)
        #expect(dlp.severity == .warning)
        #expect(dlp.details["exam"] == .text("CT head") && dlp.details["quantity"] == .text("dlpTotal"))
        #expect(dlp.details["value"] == .quantity(DoseQuantity(value: 912, unit: "mGy.cm", documentUnit: "mGycm")))
        #expect(dlp.details["limit"] == .quantity(DoseQuantity(value: 800, unit: "mGy.cm", documentUnit: "mGy.cm")))
        #expect(dlp.details["source"] == .text("Hand-made table 1"))
        #expect(flags.last?.details["quantity"] == .text("ctdiVol"))
        #expect(flags.last?.details["value"] == .quantity(DoseQuantity(value: 61.5, unit: "mGy", documentUnit: "mGy")))
    }

    @Test("A CT report below its levels, and one of another exam, are not flagged")
    func below() throws {
        let levels = try DRLTable(csv: Self.table, source: "levels.csv")
        #expect(
            try Self.ctReport(dlpTotal: 640, ctdiVol: 42, description: "CT Head").flags(referenceLevels: levels).isEmpty
        )
        #expect(
            try Self.ctReport(dlpTotal: 2000, ctdiVol: 90, description: "CT Abdomen").flags(referenceLevels: levels)
                .isEmpty)
    }

    @Test("A header DAP in dGy.cm2 against a limit in Gy.cm2: 2.5 dGy.cm2 above 0.15 Gy.cm2, 1.25 below")
    func convertedUnits() throws {
        let levels = try DRLTable(csv: Self.table, source: "levels.csv")
        let flags = try Self.dx(dap: "2.5", protocolName: "Chest p.a.").flags(referenceLevels: levels)
        #expect(flags.count == 1)
        #expect(flags.first?.details["value"] == .quantity(DoseQuantity(value: 0.25, unit: "Gy.cm2")))
        #expect(try Self.dx(dap: "1.25", protocolName: "Chest p.a.").flags(referenceLevels: levels).isEmpty)
    }

    @Test("A projection report's DAP total in dGy.cm2 against a limit in Gy.m2")
    func dapTotal() throws {
        let levels = try DRLTable(csv: Self.table, source: "levels.csv")
        let report = { (total: Double) throws -> DoseFacts in
            var dataSet = SyntheticDose.report(
                content: [SyntheticDose.container("113702", [SyntheticDose.num("113722", total, unit: "dGy.cm2")])])
            dataSet.set(.studyDescription, .LO, "Barium swallow")
            return DoseFacts(dataSet: try SyntheticDose.read(dataSet))
        }
        let flags = try report(250).flags(referenceLevels: levels)
        #expect(
            flags.first?.details["value"]
                == .quantity(DoseQuantity(value: 0.0025, unit: "Gy.m2", documentUnit: "dGy.cm2")))
        #expect(try report(150).flags(referenceLevels: levels).isEmpty)
    }

    @Test("Built-in FANC levels: every row has its source and a valid expression; real DX files above and below")
    func builtIn() throws {
        for level in DRLTable.builtIn.levels {
            #expect(level.source.hasPrefix("FANC technical regulation"), "\(level.exam)")
            #expect((try? NSRegularExpression(pattern: level.match, options: [.caseInsensitive])) != nil)
        }
        #expect(DRLTable.builtIn.levels.count == 29)
        let abdomen = try DoseSamples.facts("DX-Im-DRGEM.dcm").flags(referenceLevels: .builtIn)
        #expect(abdomen.map { $0.details["exam"] } == [.text("Radiography Abdomen")])
        #expect(abdomen.first?.details["value"] == .quantity(DoseQuantity(value: 13_518, unit: "mGy.cm2")))
        #expect(abdomen.first?.details["limit"] == .quantity(DoseQuantity(value: 1300, unit: "mGy.cm2")))
        #expect(try DoseSamples.facts("DX-Im-SiemensMultix.dcm").flags(referenceLevels: .builtIn).isEmpty)
    }

    @Test("A projection report's radiography DAP levels: applied to stationary acquisitions, not to fluoroscopy")
    func projectionModalities() throws {
        let report = { (eventType: (String, String)) throws -> DoseFacts in
            let event = SyntheticDose.container(
                "113706",
                [
                    SyntheticDose.codeItem("113721", eventType.0, eventType.1),
                    SyntheticDose.num("122130", 0.0002, unit: "Gy.m2"),
                ])
            return DoseFacts(
                dataSet: try SyntheticDose.read(SyntheticDose.report(studyDescription: "Abdomen", content: [event])))
        }
        let stationary = try report(("113611", "Stationary Acquisition"))
        #expect(stationary.doseModalities == ["CR", "DX", "RF", "XA", "PX"])
        let flags = stationary.flags(referenceLevels: .builtIn)
        #expect(flags.map { $0.details["exam"] } == [.text("Radiography Abdomen")])
        #expect(
            flags.first?.details["value"]
                == .quantity(DoseQuantity(value: 2000, unit: "mGy.cm2", documentUnit: "Gy.m2")))
        let fluoroscopy = try report(("P5-06000", "Fluoroscopy"))
        #expect(fluoroscopy.doseModalities == ["RF", "XA"])
        #expect(fluoroscopy.flags(referenceLevels: .builtIn).isEmpty)
        #expect(try DoseSamples.facts("MG-RDSR-Giotto-DBT.dcm").doseModalities == ["MG"])
        #expect(try DoseSamples.facts("RF-RDSR-Canon-Ultimaxi-mGyDoseAtRP.dcm").doseModalities == ["RF", "XA"])
        #expect(try DoseSamples.facts("NM-CT-RDSR-Siemens.dcm").doseModalities == ["CT"])
    }
}
