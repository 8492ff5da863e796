import LucidDICOM
import LucidTestSupport
import Testing

@testable import LucidRendering

/// The acquisition facts of `lucid info` and the reason `--preset auto` gives, on real files whose
/// headers carry them (values as pydicom reads them).
@Suite struct ImageReportAcquisitionTests {
    @Test("A GE mammogram: body part, image laterality, view, imager spacing, equipment; auto takes mammo")
    func mammogram() throws {
        let report = ImageReport(path: SampleCorpus.path("mg_ge_sigmoid_3windows_jpegll.dcm"))
        let facts = try #require(report.acquisition)
        #expect(facts.bodyPartExamined == "BREAST")
        #expect(facts.imageLaterality == "R" && facts.laterality == nil && facts.viewPosition == "MLO")
        #expect(facts.pixelSpacing == nil)
        #expect(facts.imagerPixelSpacing == [0.09409090909091, 0.09409090909091])
        #expect(facts.studyDate == "20150929" && facts.studyDescription == "MAMMOSCREENING 1E LEZING")
        #expect(facts.seriesNumber == 27555 && facts.seriesDescription == "MAMMOSCREENING 1E LEZING")
        #expect(facts.manufacturer == "GE MEDICAL SYSTEMS")
        #expect(facts.manufacturerModelName == "Senographe Essential VERSION ADS_54.10")
        let choice = try #require(report.autoPreset)
        #expect(choice.preset == .mammo && choice.rule == "Modality MG")
        #expect(choice.window.hasPrefix("VOI LUT 1 of the file: "), "\(choice.window)")
    }

    @Test("A CR of the cervical spine: no auto rule, the file's window; empty Laterality reads as absent")
    func spineRadiograph() throws {
        let report = ImageReport(path: SampleCorpus.path("cr_agfa_mono1_tiny_float_rescale.dcm"))
        let facts = try #require(report.acquisition)
        #expect(facts.bodyPartExamined == "CSPINE" && facts.viewPosition == "LL" && facts.laterality == nil)
        #expect(facts.imagerPixelSpacing == [0.1, 0.1] && facts.pixelSpacing == nil)
        #expect(facts.seriesDescription == "Cervical LAT" && facts.manufacturerModelName == "ADC_5146")
        let choice = try #require(report.autoPreset)
        #expect(choice.preset == .fileWindow)
        #expect(choice.rule == "no rule for Modality CR and Body Part Examined CSPINE")
    }

    @Test("A chest CR takes chest-xray; a CT without body part keeps its window; colour is shown as stored")
    func presetReasons() throws {
        let chest = try #require(ImageReport(path: SampleCorpus.path("cr_fuji_mono1_10bit.dcm")).autoPreset)
        #expect(chest.preset == .chestXray && chest.rule == "Modality CR and Body Part Examined CHEST")
        let ct = try #require(ImageReport(path: SampleCorpus.path("ct_philips_12bit_two_windows.dcm")).autoPreset)
        #expect(ct.preset == .fileWindow && ct.rule == "no rule for Modality CT and Body Part Examined (none)")
        #expect(ct.window.hasPrefix("window 1 of the file: center 500 "), "\(ct.window)")
        let colour = try #require(ImageReport(path: SampleCorpus.path("us_rgb_evrle.dcm")).autoPreset)
        #expect(colour.window == "colour image: shown as stored, the preset's steps do not apply")
    }

    @Test("Pixel Spacing: the header's, else the enhanced image's shared Pixel Measures group")
    func pixelSpacing() throws {
        let philips = ImageReport(path: SampleCorpus.path("ct_philips_12bit_two_windows.dcm")).acquisition
        #expect(philips?.pixelSpacing == [0.9765625, 0.9765625])
        let enhanced = ImageReport(path: SampleCorpus.path("ct_enhanced_2frame_evrle.dcm")).acquisition
        #expect(enhanced?.pixelSpacing == [0.388672, 0.388672])
    }

    @Test("Every auto rule names what matched")
    func rules() {
        let cases: [(String?, String?, PipelinePreset, String)] = [
            ("CT", "head", .ctBrain, "Modality CT and Body Part Examined head"),
            ("CT", "LUNG", .ctLung, "Modality CT and Body Part Examined LUNG"),
            ("DX", "THORAX", .chestXray, "Modality DX and Body Part Examined THORAX"),
            ("MR", nil, .mrDefault, "Modality MR"),
            (nil, nil, .fileWindow, "no rule for Modality (none) and Body Part Examined (none)"),
        ]
        for (modality, part, preset, rule) in cases {
            let choice = AutoPreset.explain(modality: modality, bodyPart: part)
            #expect(choice.preset == preset && choice.rule == rule, "\(choice)")
        }
    }
}
