import Foundation
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Header values and file names with control characters never reach the terminal raw: `info` text
/// and failure lines show them escaped, JSON output escapes them as JSON does.
@Suite struct TerminalEscapeTests {
    /// ESC [2J clears the screen; U+009B is the one-character CSI of C1.
    static let hostileName = "Evil\u{1B}[2J^Name\u{9B}31m"

    /// A valid CT image (from `ct_nema_ct1_evrle.dcm`) with `change` applied to its data set.
    static func dicom(_ change: (inout WritableDataSet) -> Void) throws -> [UInt8] {
        let source = try DICOMImage(path: SampleCorpus.path("ct_nema_ct1_evrle.dcm"))
        let derived = DerivedImage(
            source: source, processed: try source.frame(0), encoding: source.pixel.encoding, recipe: "test input",
            window: Window(center: 40, width: 400), softwareVersion: "0.1.0",
            seriesInstanceUID: "1.2.826.0.1.3680043.2.1125.78", sopInstanceUID: DICOMUID.generate())
        var dataSet = try derived.dataSet()
        change(&dataSet)
        return try Part10Writer.encode(dataSet, implementationVersion: "0.1.0")
    }

    /// True when `data` holds ESC, BEL or a C1 control (as UTF-8, C2 80...C2 9F).
    static func holdsControls(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        return bytes.contains(0x1B) || bytes.contains(0x07)
            || zip(bytes, bytes.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) }
    }

    @Test("lucid info shows a Patient Name with ESC and CSI escaped; --json escapes them as JSON")
    func info() throws {
        let fixture = try ProcessFixture()
        try fixture.write(try Self.dicom { $0.set(.patientName, .PN, Self.hostileName) }, to: "evil.dcm")
        let path = fixture.input + "/evil.dcm"
        let text = try LucidBinary.run(["info", path])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(!Self.holdsControls(text.standardOutput), "\(text.outputText)")
        #expect(text.outputText.contains("Evil\\x1b[2J^Name\\u{9b}31m"), "\(text.outputText)")

        let json = try LucidBinary.run(["info", "--json", path])
        #expect(!Self.holdsControls(json.standardOutput), "\(json.outputText)")
        #expect(json.outputText.contains("\\u001b[2J") && json.outputText.contains("\\u009b31m"), "\(json.outputText)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        #expect(object["patientName"] as? String == Self.hostileName)
    }

    @Test("Failure lines show a header value's and a file name's control characters escaped")
    func failureLines() throws {
        let fixture = try ProcessFixture()
        // The writer refuses control characters in a CS value, so the value is patched in its bytes:
        // MONOCHROME2 becomes MONO ESC ]0;OW BEL (an xterm title change), same length.
        var bytes = try Self.dicom { _ in }
        let plain = Array("MONOCHROME2".utf8), hostile = Array("MONO\u{1B}]0;OW\u{07}".utf8)
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: plain) })
        bytes.replaceSubrange(at..<at + plain.count, with: hostile)
        try fixture.write(bytes, to: "colour.dcm")
        try fixture.copy("mr_small_truncated_pixeldata.dcm", to: "red\u{1B}[31m.dcm")
        let result = try LucidBinary.run(["process", fixture.input, "--out", fixture.output])
        #expect(result.status == 1)
        let error = Data(result.standardError.utf8)
        #expect(!Self.holdsControls(error), "\(result.standardError)")
        #expect(result.standardError.contains("MONO\\x1b]0;OW\\x07"), "\(result.standardError)")
        #expect(result.standardError.contains("failed: \(fixture.input)/red\\x1b[31m.dcm"), "\(result.standardError)")

        let json = try LucidBinary.run(["process", fixture.input, "--out", fixture.output, "--json"])
        #expect(!Self.holdsControls(json.standardOutput), "\(json.outputText)")
        let paths = ProcessFixture.jsonLines(json.standardOutput).compactMap { $0["path"] as? String }
        #expect(paths.contains(fixture.input + "/red\u{1B}[31m.dcm"), "\(paths)")
    }
}
