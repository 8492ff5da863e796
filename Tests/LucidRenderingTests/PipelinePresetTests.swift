import LucidDICOM
import LucidImaging
import LucidRendering
import LucidTestSupport
import Testing

/// The presets of `lucid process --preset`: each parses, states a source, and `auto` follows its
/// documented rule on the corpus.
@Suite struct PipelinePresetTests {
    @Test("Every preset but auto is a valid pipeline with a source")
    func presetsParse() throws {
        for preset in PipelinePreset.allCases {
            #expect(!preset.source.isEmpty, "\(preset)")
            #expect(PipelinePreset(name: preset.name.uppercased()) == preset)
            if preset == .auto {
                #expect(preset.steps == nil)
            } else {
                let steps = try #require(preset.steps, "\(preset)")
                #expect(steps.description == preset.stepsText)
            }
        }
        #expect(PipelinePreset.chestXray.steps?.filters.count == 3)
        #expect(PipelinePreset.ctLung.steps?.window == .preset(.lung))
        #expect(PipelinePreset.ctMediastinum.steps?.window == .preset(.mediastinum))
        #expect(PipelinePreset.ctBone.steps?.window == .preset(.bone))
        #expect(PipelinePreset.ctBrain.steps?.window == .preset(.brain))
        #expect(PipelinePreset.ctLung.source.contains("center -600 HU, width 1500 HU"))
        #expect(PipelinePreset(name: "ct_lung") == .ctLung)
        #expect(PipelinePreset(name: "lungs") == nil)
    }

    @Test("auto: the documented rule")
    func rule() {
        #expect(AutoPreset.choose(modality: "MG", bodyPart: nil) == .mammo)
        #expect(AutoPreset.choose(modality: "CR", bodyPart: "CHEST") == .chestXray)
        #expect(AutoPreset.choose(modality: "dx", bodyPart: "thorax") == .chestXray)
        #expect(AutoPreset.choose(modality: "CR", bodyPart: "HAND") == .fileWindow)
        #expect(AutoPreset.choose(modality: "CT", bodyPart: "HEAD") == .ctBrain)
        #expect(AutoPreset.choose(modality: "CT", bodyPart: "BRAIN") == .ctBrain)
        #expect(AutoPreset.choose(modality: "CT", bodyPart: "CHEST") == .ctLung)
        #expect(AutoPreset.choose(modality: "CT", bodyPart: "ABDOMEN") == .fileWindow)
        #expect(AutoPreset.choose(modality: "MR", bodyPart: "KNEE") == .mrDefault)
        #expect(AutoPreset.choose(modality: "US", bodyPart: nil) == .fileWindow)
        #expect(AutoPreset.choose(modality: nil, bodyPart: nil) == .fileWindow)
    }

    @Test("auto on corpus files: CT, CR MONOCHROME1, MG, MR")
    func corpus() throws {
        for (name, expected) in [
            ("ct_ge_ivrle_window.dcm", PipelinePreset.fileWindow),
            ("cr_fuji_mono1_10bit.dcm", .chestXray),
            ("cr_mono1_modality_lut_seq_jpegll.dcm", .fileWindow),
            ("mg_ge_sigmoid_3windows_jpegll.dcm", .mammo),
            ("mr_small_evrle.dcm", .mrDefault),
        ] {
            let file = try DICOMFile.read(path: SampleCorpus.path(name))
            #expect(AutoPreset.choose(for: file.dataSet) == expected, "\(name)")
        }
    }
}
