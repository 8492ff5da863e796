import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// Uncompressed samples compressed losslessly by the encoders departments' systems use (DCMTK's
/// `dcmcjpls` and `dcmcjpeg`, GDCM's `gdcmconv`) decode in Lucid to the very stored values of the
/// uncompressed file, every frame.
@Suite struct ExternalEncoderRoundTripTests {
    struct Case: Sendable, CustomStringConvertible {
        let tool: String
        let arguments: [String]
        let syntax: String
        var description: String { "\(tool) \(arguments.joined(separator: " "))" }
    }

    static let cases: [Case] = [
        Case(tool: "dcmcjpls", arguments: ["+el"], syntax: "1.2.840.10008.1.2.4.80"),
        Case(tool: "dcmcjpls", arguments: ["+el", "+is"], syntax: "1.2.840.10008.1.2.4.80"),
        Case(tool: "dcmcjpeg", arguments: ["+el"], syntax: "1.2.840.10008.1.2.4.57"),
        Case(tool: "dcmcjpeg", arguments: ["+e1"], syntax: "1.2.840.10008.1.2.4.70"),
        Case(tool: "gdcmconv", arguments: ["--jpegls"], syntax: "1.2.840.10008.1.2.4.80"),
        Case(tool: "gdcmconv", arguments: ["--j2k"], syntax: "1.2.840.10008.1.2.4.90"),
        Case(tool: "gdcmconv", arguments: ["--rle"], syntax: "1.2.840.10008.1.2.5"),
    ]

    /// Signed 16-bit CT, 12-bit unsigned CT, 8-bit grey, RGB with planar configuration 1 in big
    /// endian, and a 2-frame enhanced CT.
    static let sources = [
        "ct_nema_ct1_evrle.dcm", "ct_philips_12bit_two_windows.dcm", "ct_fuji_8bit_ivrle.dcm",
        "us_rgb_planar1_evrbe.dcm", "ct_enhanced_2frame_evrle.dcm",
    ]

    @Test("Lossless encodings decode to the uncompressed file's stored values", arguments: cases)
    func roundTrip(_ encoder: Case) throws {
        let found = ExternalTool.find(encoder.tool)
        guard
            ExternalTool.require(found != nil, tool: encoder.tool, install: "apt-get install -y dcmtk libgdcm-tools"),
            let tool = found
        else { return }
        let folder = try LucidBinary.temporaryFolder()
        for name in Self.sources {
            let source = SampleCorpus.path(name)
            let output = folder + "/" + name
            let result = try ExternalTool.run(tool, encoder.arguments + [source, output])
            try #require(result.status == 0, "\(encoder) \(name): \(result.standardError)")
            let original = try DICOMImage(path: source)
            let compressed = try DICOMImage(path: output)
            #expect(compressed.file.transferSyntax.uid == encoder.syntax, "\(encoder) \(name)")
            for frame in 0..<original.pixel.numberOfFrames {
                let expected = try original.storedFrame(frame)
                let actual = try compressed.storedFrame(frame)
                let same = (0..<expected.samples.count).allSatisfy {
                    expected.storedValue(at: $0) == actual.storedValue(at: $0)
                }
                #expect(same && expected.samples.count == actual.samples.count, "\(encoder) \(name) frame \(frame + 1)")
            }
        }
    }
}
