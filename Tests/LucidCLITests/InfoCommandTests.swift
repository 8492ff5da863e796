import Foundation
import LucidTestSupport
import Testing

/// `lucid info` run as a user runs it.
@Suite struct InfoCommandTests {
    static let keys: Set<String> = [
        "file", "patientID", "patientName", "studyInstanceUID", "seriesInstanceUID", "sopInstanceUID", "modality",
        "sopClassUID", "transferSyntaxUID", "rows", "columns", "frames", "bitsAllocated", "bitsStored", "highBit",
        "pixelRepresentation", "photometricInterpretation", "rescaleSlope", "rescaleIntercept", "windows",
        "hasVOILUTSequence", "hasModalityLUTSequence",
    ]

    @Test("--json gives one object with every documented key and the file's facts")
    func jsonObject() throws {
        let result = try LucidBinary.run(["info", "--json", SampleCorpus.path("ct_philips_12bit_two_windows.dcm")])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect(InfoCommandTests.keys.isSubset(of: Set(object.keys)))
        #expect(object["error"] == nil)
        #expect(object["rows"] as? Int == 512)
        #expect(object["bitsStored"] as? Int == 12)
        #expect(object["rescaleIntercept"] as? Double == -1024)
        let windows = try #require(object["windows"] as? [[String: Any]])
        #expect(windows.map { $0["center"] as? Double } == [500, 500])
        #expect(windows.map { $0["function"] as? String } == ["LINEAR", "LINEAR"])
        let range = try #require(object["pixelValueRange"] as? [String: Any])
        #expect(range["modalityMin"] as? Double == -1024)
    }

    @Test("Several files give an array; an unreadable one carries 'error' and exit status 1")
    func severalFiles() throws {
        let result = try LucidBinary.run([
            "info", "--json", SampleCorpus.path("mr_small_evrle.dcm"), SampleCorpus.path("mr_missing_rows.dcm"),
        ])
        #expect(result.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["error"] == nil)
        #expect((array[1]["error"] as? String)?.contains("(0028,0010)") == true)
        #expect(result.standardError.contains("mr_missing_rows.dcm"))
    }

    @Test("A file that cannot be read is reported once: in its text block, not again on standard error")
    func errorOnce() throws {
        let path = SampleCorpus.path("mr_missing_rows.dcm")
        let result = try LucidBinary.run(["info", path, SampleCorpus.path("mr_small_evrle.dcm")])
        #expect(result.status == 1)
        let text = result.outputText
        #expect(text.components(separatedBy: "(0028,0010)").count == 2, "\(text)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
    }

    @Test("Text output names the windows and their explanations")
    func text() throws {
        let result = try LucidBinary.run(["info", SampleCorpus.path("mg_ge_sigmoid_3windows_jpegll.dcm")])
        #expect(result.status == 0)
        #expect(result.outputText.contains("SIGMOID, \"HARDER\""))
        #expect(result.outputText.contains("VOI LUT Seq:    yes"))
    }

    @Test("Bad usage exits with status 2")
    func usage() throws {
        #expect(try LucidBinary.run(["info"]).status == 2)
        #expect(try LucidBinary.run(["info", "--no-such-flag", "x.dcm"]).status == 2)
        #expect(try LucidBinary.run(["no-such-command"]).status == 2)
    }

    @Test("--json gives the value range of 32-bit RT Dose (Gy through Dose Grid Scaling) and of RGB")
    func wideAndColourRanges() throws {
        func range(_ path: String) throws -> [String: Any] {
            let result = try LucidBinary.run(["info", path, "--json"])
            #expect(result.status == 0, "\(result.standardError)")
            let object = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
            return try #require(object["pixelValueRange"] as? [String: Any], "\(object)")
        }
        let dose = try range(SampleCorpus.codecsPath("LittleEndianImplicit__rtdose_1frame.dcm"))
        #expect(dose["storedMin"] as? Int == 795_000 && dose["storedMax"] as? Int == 1_254_000)
        let gray = try #require(dose["modalityMin"] as? Double), top = try #require(dose["modalityMax"] as? Double)
        #expect(abs(gray - 0.795) < 1e-9 && abs(top - 1.254) < 1e-9, "\(dose)")
        let rgb = try range(SampleCorpus.path("us_rgb_evrle.dcm"))
        #expect(rgb["storedMin"] as? Int == 16 && rgb["storedMax"] as? Int == 248)
    }
}
