import LucidDICOM
import LucidDose
import LucidTestSupport
import Testing

/// Image header doses with the units the standard fixes, enhanced CT functional groups, technique
/// factors and the vendor's unit of Relative X-Ray Exposure.
@Suite struct HeaderDoseTests {
    @Test("Entrance Dose in mGy, Organ Dose in dGy, DAP in dGy.cm2, technique factors")
    func header() throws {
        let facts = DoseFacts(
            dataSet: try SyntheticDose.read(
                SyntheticDose.image(
                    modality: "DX",
                    attributes: [
                        (DICOMTag(0x0040, 0x8302), .DS, "0.82"), (DICOMTag(0x0040, 0x0316), .DS, "0.0031"),
                        (DICOMTag(0x0018, 0x115E), .DS, "1.75"), (DICOMTag(0x0018, 0x0060), .DS, "81"),
                        (DICOMTag(0x0018, 0x1152), .IS, "4"), (DICOMTag(0x0018, 0x1150), .IS, "12"),
                        (DICOMTag(0x0018, 0x1405), .IS, "200"), (.manufacturer, .LO, "FUJIFILM Corporation"),
                    ])))
        #expect(facts.kind == .header)
        #expect(facts.entranceDose == DoseQuantity(value: 0.82, unit: "mGy"))
        #expect(facts.organDose == DoseQuantity(value: 0.0031, unit: "dGy"))
        #expect(facts.dap == DoseQuantity(value: 1.75, unit: "dGy.cm2"))
        #expect(facts.technique.kvp == 81 && facts.technique.milliampereSeconds == 4)
        #expect(facts.technique.exposureTimeMilliseconds == 12 && facts.technique.relativeXRayExposure == 200)
        #expect(facts.technique.relativeXRayExposureUnit == "S (Fujifilm sensitivity number)")
        #expect(TechniqueFactors.vendorIndicator(manufacturer: "ACME") == "vendor units")
    }

    @Test("CTDIvol of an enhanced CT: the largest of the per-frame CT Exposure Sequences")
    func enhancedCT() throws {
        let frame = { (value: String) -> WritableDataSet in
            var exposure = WritableDataSet()
            exposure.set(DICOMTag(0x0018, 0x9345), .FD, .numbers([Double(value) ?? 0]))
            var group = WritableDataSet()
            group.set(DICOMTag(0x0018, 0x9321), items: [exposure])
            return group
        }
        var dataSet = SyntheticDose.image(modality: "CT", attributes: [])
        dataSet.set(.perFrameFunctionalGroupsSequence, items: [frame("11.5"), frame("12.25"), frame("9")])
        let facts = DoseFacts(dataSet: try SyntheticDose.read(dataSet))
        #expect(facts.kind == .header && facts.ctdiVol == DoseQuantity(value: 12.25, unit: "mGy"))
    }

    @Test("An image without dose attributes is kind none")
    func none() throws {
        let facts = DoseFacts(dataSet: try SyntheticDose.read(SyntheticDose.image(modality: "MR", attributes: [])))
        #expect(facts.kind == .none && facts.exposure == nil && facts.dap == nil)
    }
}
