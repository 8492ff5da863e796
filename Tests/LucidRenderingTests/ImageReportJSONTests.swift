import Foundation
import LucidDICOM
import LucidFiles
import LucidTestSupport
import Testing

@testable import LucidRendering

/// `lucid info --json` on headers whose FL/FD values JSON cannot hold (PS3.5 §6.2: FD is an IEEE
/// 754 double, so NaN and infinity are encodable): the report is still written, with null there.
@Suite struct ImageReportJSONTests {
    /// A 2x2 16-bit MONOCHROME2 image whose Window Center (FD) is NaN, Window Width (FD) 400,
    /// Rescale Intercept (FD) -inf and Rescale Slope (FD) +inf.
    static func nonFiniteHeader() throws -> DICOMFile {
        func double(_ value: Double) -> [UInt8] { withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
        var body = DataSetBytes()
        body.text(0x0008, 0x0018, "UI", "1.2.3.4")
        body.text(0x0008, 0x0060, "CS", "OT")
        body.us(0x0028, 0x0002, 1)
        body.text(0x0028, 0x0004, "CS", "MONOCHROME2")
        body.us(0x0028, 0x0010, 2)
        body.us(0x0028, 0x0011, 2)
        body.us(0x0028, 0x0100, 16)
        body.us(0x0028, 0x0101, 16)
        body.us(0x0028, 0x0102, 15)
        body.us(0x0028, 0x0103, 0)
        body.element(0x0028, 0x1050, "FD", double(.nan))
        body.element(0x0028, 0x1051, "FD", double(400))
        body.element(0x0028, 0x1052, "FD", double(-.infinity))
        body.element(0x0028, 0x1053, "FD", double(.infinity))
        body.element(0x7FE0, 0x0010, "OW", [1, 0, 2, 0, 3, 0, 4, 0])
        let bytes = DataSetBytes.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes)
        return try DICOMFile(bytes: bytes, source: "nonfinite.dcm")
    }

    @Test("NaN and infinite header numbers become null; the rest of the report is kept")
    func nonFiniteNumbersAreNull() throws {
        let report = ImageReport(file: try Self.nonFiniteHeader())
        #expect(report.rescaleSlope == .infinity)
        let json = ImageReport.json([report])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json)")
        #expect(object["file"] as? String == "nonfinite.dcm")
        #expect(object["sopInstanceUID"] as? String == "1.2.3.4")
        #expect(object["rows"] as? Int == 2)
        #expect(object["rescaleSlope"] is NSNull)
        #expect(object["rescaleIntercept"] is NSNull)
        let windows = try #require(object["windows"] as? [[String: Any]])
        #expect(windows.count == 1)
        #expect(windows.first?["center"] is NSNull)
        #expect(windows.first?["width"] as? Double == 400)
        #expect(windows.first?["valid"] as? Bool == false)
    }

    @Test("finite numbers, integers, booleans and text pass through unchanged, at any depth")
    func finiteValuesAreKept() throws {
        let value: [String: Any] = [
            "a": 1.5, "b": 7, "c": true, "d": "x", "e": [Double.nan, 2.0, ["f": -Double.infinity]],
        ]
        let data = try #require(JSONText.data(value, options: [.sortedKeys]))
        #expect(String(decoding: data, as: UTF8.self) == #"{"a":1.5,"b":7,"c":true,"d":"x","e":[null,2,{"f":null}]}"#)
    }
}
