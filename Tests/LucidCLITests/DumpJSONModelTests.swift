import Foundation
import LucidTestSupport
import Testing

/// `lucid dump --json`: the DICOM JSON model of PS3.18 F, checked against pydicom's
/// `Dataset.to_json_dict()` (File Meta Information and data set).
@Suite struct DumpJSONModelTests {
    /// Compares the JSON model in the file `argv[1]` with pydicom's for the DICOM file `argv[2]`;
    /// prints each difference and exits 1 when there is one. Numbers compare by value, and an empty
    /// string among several values equals `null` (F.2.5 writes an empty value as null).
    static let compare = """
        import json, sys, pydicom
        ours = json.load(open(sys.argv[1]))
        dataset = pydicom.dcmread(sys.argv[2])
        theirs = dataset.file_meta.to_json_dict()
        theirs.update(dataset.to_json_dict())
        def same(a, b):
            if a == "" and b is None or a is None and b == "": return True
            if isinstance(a, dict) and isinstance(b, dict):
                return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
            if isinstance(a, list) and isinstance(b, list):
                return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
            return a == b
        differences = [k for k in sorted(set(ours) | set(theirs)) if not same(ours.get(k), theirs.get(k))]
        for k in differences: print(k, "lucid:", json.dumps(ours.get(k))[:300], "pydicom:", json.dumps(theirs.get(k))[:300])
        sys.exit(1 if differences else 0)
        """

    @Test(
        "Every element equals pydicom's, sequences, PN, AT, binary and pixel data included, any encoding",
        arguments: [
            "ct_enhanced_2frame_evrle.dcm", "mg_ge_sigmoid_3windows_jpegll.dcm", "ot_voi_lut_seq_vlut04.dcm",
            "ct_philips_12bit_two_windows.dcm", "mr_small_evrle.dcm", "mr_small_ivrle.dcm", "ct_fuji_8bit_ivrle.dcm",
            "mr_small_evrbe.dcm", "ot_deflated_8bit.dcm",
        ])
    func matchesPydicom(name: String) throws {
        guard let python = try ExternalTool.pythonWithPydicom() else { return }
        let result = try LucidBinary.run(["dump", "--json", "--pixel-data", SampleCorpus.path(name)])
        #expect(result.status == 0, "\(result.standardError)")
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try result.standardOutput.write(to: URL(fileURLWithPath: folder + "/model.json"))
        let check = try ExternalTool.run(
            python, ["-c", DumpJSONModelTests.compare, folder + "/model.json", SampleCorpus.path(name)])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
    }

    @Test("Without --pixel-data, Pixel Data carries only its VR; a PN value is an Alphabetic group")
    func pixelDataLeftOut() throws {
        let result = try LucidBinary.run(["dump", "--json", SampleCorpus.path("mr_small_evrle.dcm")])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let pixels = try #require(object["7FE00010"] as? [String: Any])
        #expect(pixels.keys.sorted() == ["vr"] && pixels["vr"] as? String == "OW")
        let name = try #require(object["00100010"] as? [String: Any])
        #expect((name["Value"] as? [[String: String]]) == [["Alphabetic": "CompressedSamples^MR1"]])
        let rows = try #require(object["00280010"] as? [String: Any])
        #expect(rows["vr"] as? String == "US" && rows["Value"] as? [Int] == [64])
    }
}
