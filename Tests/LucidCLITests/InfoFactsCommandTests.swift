import Foundation
import LucidTestSupport
import Testing

/// `lucid info`'s acquisition facts and auto-preset reason, in text and JSON.
@Suite struct InfoFactsCommandTests {
    static let keys: Set<String> = [
        "studyDate", "studyDescription", "seriesNumber", "seriesDescription", "manufacturer", "manufacturerModelName",
        "bodyPartExamined", "laterality", "imageLaterality", "viewPosition", "pixelSpacing", "imagerPixelSpacing",
        "autoPreset",
    ]

    @Test("--json: the mammogram's facts, absent ones null, and the auto preset with its rule")
    func json() throws {
        let result = try LucidBinary.run(["info", "--json", SampleCorpus.path("mg_ge_sigmoid_3windows_jpegll.dcm")])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect(InfoFactsCommandTests.keys.isSubset(of: Set(object.keys)))
        #expect(object["bodyPartExamined"] as? String == "BREAST")
        #expect(object["imageLaterality"] as? String == "R")
        #expect(object["laterality"] is NSNull && object["pixelSpacing"] is NSNull)
        #expect(object["viewPosition"] as? String == "MLO")
        #expect(object["imagerPixelSpacing"] as? [Double] == [0.09409090909091, 0.09409090909091])
        #expect(object["studyDate"] as? String == "20150929")
        #expect(object["seriesNumber"] as? Int == 27555)
        #expect(object["manufacturerModelName"] as? String == "Senographe Essential VERSION ADS_54.10")
        let preset = try #require(object["autoPreset"] as? [String: Any])
        #expect(preset["preset"] as? String == "mammo" && preset["rule"] as? String == "Modality MG")
    }

    @Test("Text: study, series, equipment, anatomy, spacing and why auto chose its preset")
    func text() throws {
        let result = try LucidBinary.run(["info", SampleCorpus.path("ct_philips_12bit_two_windows.dcm")])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.outputText.split(separator: "\n").map(String.init)
        #expect(lines.contains("  study:          20160819  CT Upper Abdomen with contrast"))
        #expect(lines.contains("  series:         1  Surview"))
        #expect(lines.contains("  equipment:      Philips  Ingenuity Flex"))
        #expect(lines.contains("  anatomy:        body part -, laterality -, image laterality -, view -"))
        #expect(lines.contains("  pixel spacing:  0.9765625 mm between rows, 0.9765625 mm between columns"))
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "  auto preset:    file-window (no rule for Modality CT and Body Part Examined (none)); "
                        + "window 1 of the file: center 500 ")
            }, "\(lines)")
        let chest = try LucidBinary.run(["info", SampleCorpus.path("cr_fuji_mono1_10bit.dcm")])
        let chestLines = chest.outputText.split(separator: "\n").map(String.init)
        #expect(chestLines.contains("  anatomy:        body part CHEST, laterality -, image laterality -, view PA"))
        #expect(
            chestLines.contains {
                $0.hasPrefix("  auto preset:    chest-xray (Modality CR and Body Part Examined CHEST); ")
            }, "\(chestLines)")
        let spine = try LucidBinary.run(["info", SampleCorpus.path("cr_agfa_mono1_tiny_float_rescale.dcm")])
        #expect(
            spine.outputText.contains("\n  imager spacing: 0.1 mm between rows, 0.1 mm between columns (detector)\n"))
    }
}
