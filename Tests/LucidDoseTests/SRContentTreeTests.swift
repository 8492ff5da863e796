import LucidDICOM
import LucidDose
import LucidTestSupport
import Testing

/// The generic content tree reader on odd trees, and which reports are X-ray dose reports.
@Suite struct SRContentTreeTests {
    @Test("Odd items read without failing: no value type, an empty measured value, no concept name")
    func oddItems() throws {
        var bare = WritableDataSet()
        bare.set(DICOMTag(0x0040, 0xA010), .CS, "CONTAINS")
        let dataSet = try SyntheticDose.read(
            SyntheticDose.report(content: [bare, SyntheticDose.num("113813", nil, unit: "mGy.cm")]))
        let root = try #require(SRContentTree.root(of: dataSet))
        #expect(root.valueType == "CONTAINER" && root.conceptName?.value == "113701")
        #expect(root.children.count == 2)
        #expect(root.children[0].valueType == "" && root.children[0].conceptName == nil)
        #expect(root.children[1].valueType == "NUM" && root.children[1].numericValue == nil)
        #expect(root.children[1].quantity == nil)
        #expect(DoseFacts(dataSet: dataSet).ct == nil)
    }

    @Test("Nesting is read to maximumDepth and no further")
    func depth() throws {
        var item = SyntheticDose.num("113830", 7, unit: "mGy")
        for _ in 0..<10 { item = SyntheticDose.container("113829", [item]) }
        let dataSet = try SyntheticDose.read(SyntheticDose.report(content: [item]))
        let full = try #require(SRContentTree.root(of: dataSet))
        #expect(full.allItems.count == 12 && full.descendants("113830").first?.numericValue == 7)
        let cut = try #require(SRContentTree.root(of: dataSet, maximumDepth: 3))
        #expect(cut.allItems.count == 4 && cut.descendants("113830").isEmpty)
    }

    @Test("TEXT, CODE and UIDREF values, and the template identifier")
    func values() throws {
        var uid = WritableDataSet()
        uid.set(DICOMTag(0x0040, 0xA040), .CS, "UIDREF")
        uid.set(DICOMTag(0x0040, 0xA124), .UI, "1.2.3.4")
        let dataSet = try SyntheticDose.read(
            SyntheticDose.report(
                template: "10011",
                content: [
                    SyntheticDose.text("125203", "Head routine"), SyntheticDose.codeItem("113835", "113690", "Head"),
                    uid,
                ]))
        let root = try #require(SRContentTree.root(of: dataSet))
        #expect(root.children.map(\.text) == ["Head routine", nil, "1.2.3.4"])
        #expect(root.children[1].code == CodedConcept(value: "113690", scheme: "DCM", meaning: "Head"))
        #expect(SRContentTree.templateIdentifier(of: dataSet) == "10011")
    }

    @Test("Dose reports are recognised by SOP Class, template, title or the concepts they hold")
    func recognition() throws {
        let ct = [SyntheticDose.ctAcquisition(ctdiVol: 12, dlp: 400)]
        let other = ("999", "Other Report")
        let cases: [(WritableDataSet, DoseFacts.Kind)] = [
            (SyntheticDose.report(content: []), .rdsr),
            (SyntheticDose.report(sopClass: SyntheticDose.enhancedSR, content: []), .rdsr),
            (SyntheticDose.report(sopClass: SyntheticDose.comprehensiveSR, title: other, content: ct), .rdsr),
            (
                SyntheticDose.report(
                    sopClass: SyntheticDose.comprehensiveSR, title: other, template: "10001", content: []), .rdsr
            ),
            (SyntheticDose.report(sopClass: SyntheticDose.comprehensiveSR, title: other, content: []), .none),
            (
                SyntheticDose.report(
                    sopClass: SyntheticDose.radiopharmaceuticalDoseSR,
                    title: ("113500", "Radiopharmaceutical Radiation Dose Report"), content: []), .none
            ),
            (
                SyntheticDose.report(
                    sopClass: SyntheticDose.radiopharmaceuticalDoseSR,
                    title: ("113500", "Radiopharmaceutical Radiation Dose Report"), content: ct), .rdsr
            ),
        ]
        for (index, (report, kind)) in cases.enumerated() {
            #expect(DoseFacts(dataSet: try SyntheticDose.read(report)).kind == kind, "case \(index)")
        }
    }
}
