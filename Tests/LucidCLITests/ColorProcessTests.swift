import Foundation
import LucidTestSupport
import Testing

/// Colour and wide images in `lucid process`: rendered as they are, the grayscale steps skipped
/// and named step by step in the JSON line and the run manifest, the original archived
/// byte-identical, no derived DICOM (its pixels were not changed), and a re-run finds it archived.
@Suite struct ColorProcessTests {
    static let steps = "denoise:median:3 | window:auto"

    @Test("A colour image is rendered as RGB, its grayscale steps skipped and named, its original archived")
    func colourImage() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("us_rgb_evrle.dcm", to: "us.dcm")
        let archive = fixture.folder + "/archive"
        let arguments = [
            "process", fixture.input, "--out", fixture.output, "--archive", archive, "--steps", Self.steps, "--json",
        ]
        let result = try LucidBinary.run(arguments)
        #expect(result.status == 0, "\(result.standardError)")
        let line = try #require(result.outputText.split(separator: "\n").first.map(String.init))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        #expect(object["status"] as? String == "ok")
        #expect(
            object["skippedSteps"] as? [String] == ["denoise:median:3 (colour image)", "window:auto (colour image)"])

        let png = try #require(FileManager.default.contents(atPath: fixture.output + "/us.dcm.png"))
        #expect([UInt8](png)[25] == 2, "the rendition is an RGB PNG (IHDR colour type 2)")
        let rendered = try ReferencePNG(path: fixture.output + "/us.dcm.png")
        let expected = try ReferencePNG(path: SampleCorpus.path("expected/us_rgb_evrle.png"))
        #expect(rendered.samples == expected.samples)

        let archived = ProcessFixture.files(under: archive)
        #expect(!archived.contains { $0.hasSuffix(".derived.dcm") }, "no derived DICOM: \(archived)")
        let original = try #require(archived.first { $0.hasSuffix(".dcm") })
        #expect(
            FileManager.default.contents(atPath: archive + "/" + original)
                == FileManager.default.contents(atPath: SampleCorpus.path("us_rgb_evrle.dcm")))
        let manifest = try #require(archived.first { $0.hasPrefix("runs/") })
        let text = try String(contentsOfFile: archive + "/" + manifest, encoding: .utf8)
        #expect(text.contains("\"skippedSteps\""), "the run manifest names the skipped steps")

        let again = try LucidBinary.run(arguments)
        #expect(again.status == 0)
        #expect(again.outputText.contains("\"already archived\""), "\(again.outputText)")
        #expect(try LucidBinary.run(["verify", archive]).status == 0)
    }

    @Test("32-bit RT Dose is processed through its 16-bit quantisation, rendered, archived without a derived DICOM")
    func doseGrid() throws {
        let fixture = try ProcessFixture()
        let source = SampleCorpus.codecsPath("LittleEndianImplicit__rtdose_1frame.dcm")
        try FileManager.default.copyItem(atPath: source, toPath: fixture.input + "/dose.dcm")
        let archive = fixture.folder + "/archive"
        let result = try LucidBinary.run([
            "process", fixture.input, "--out", fixture.output, "--archive", archive, "--steps", "window:minmax",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let rendered = try ReferencePNG(path: fixture.output + "/dose.dcm.png")
        let expected = try ReferencePNG(
            path: SampleCorpus.codecsPath("expected/LittleEndianImplicit__rtdose_1frame.png"))
        let worst = zip(rendered.samples, expected.samples).map { abs(Int($0) - Int($1)) }.max() ?? 255
        #expect(worst <= 1)
        #expect(!ProcessFixture.files(under: archive).contains { $0.hasSuffix(".derived.dcm") })
    }
}
