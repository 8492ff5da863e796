import Foundation
import LucidCodecs
import LucidDICOM
import LucidTestSupport
import Testing

/// Codestreams written by DCMTK's `dcmcjpls` (its own JPEG-LS coder, derived from an early CharLS)
/// decode to the original native pixels.
@Suite("JPEG-LS files written by dcmcjpls")
struct JPEGLSExternalEncoderTests {
    /// Runs `dcmcjpls options input output` in a fresh temporary folder and returns frame 0's
    /// codestream and the file; nil (with a recorded issue) when dcmcjpls is missing.
    static func encodeWithDCMTK(_ input: String, options: [String]) throws -> (DICOMFile, [UInt8])? {
        let tool = ExternalTool.find("dcmcjpls")
        guard
            ExternalTool.require(
                tool != nil, tool: "dcmcjpls (DCMTK)", install: "Install DCMTK: apt-get install dcmtk.")
        else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lucid-jls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("encoded.dcm").path
        let result = try ExternalTool.run(try #require(tool), options + [input, output])
        try #require(result.status == 0, "dcmcjpls failed: \(result.standardError)")
        let file = try DICOMFile.read(path: output)
        #expect(file.transferSyntax.uid.hasPrefix("1.2.840.10008.1.2.4.8"))
        return (file, try JPEGLSTestData.codestream(of: file))
    }

    @Test("lossless signed 16-bit CT equals the native Pixel Data")
    func losslessCT() throws {
        let input = SampleCorpus.path("ct_nema_ct1_evrle.dcm")
        guard let (file, codestream) = try Self.encodeWithDCMTK(input, options: []) else { return }
        let decoded = try JPEGLSCodec.decode(codestream, limits: JPEGLSTestData.limits(of: file))
        #expect(decoded.width == 512 && decoded.height == 512 && decoded.precision == 16)
        let native = JPEGLSTestData.littleEndianWords(try JPEGLSTestData.nativePixelBytes(path: input))
        #expect(native.count == 512 * 512)
        #expect(decoded.samples == .uint16(native))
    }

    @Test("custom LSE thresholds and RESET are honoured")
    func customPresetParameters() throws {
        let input = SampleCorpus.path("ct_nema_ct1_evrle.dcm")
        let options = ["+t1", "5", "+t2", "40", "+t3", "300", "+rs", "32"]
        guard let (file, codestream) = try Self.encodeWithDCMTK(input, options: options) else { return }
        let decoded = try JPEGLSCodec.decode(codestream, limits: JPEGLSTestData.limits(of: file))
        let native = JPEGLSTestData.littleEndianWords(try JPEGLSTestData.nativePixelBytes(path: input))
        #expect(decoded.samples == .uint16(native))
    }

    @Test(
        "8-bit RGB in every interleave mode comes back interleaved by pixel",
        arguments: ["+in", "+il", "+is"])
    func rgbInterleaveModes(_ mode: String) throws {
        let input = SampleCorpus.path("us_rgb_evrle.dcm")
        guard let (file, codestream) = try Self.encodeWithDCMTK(input, options: [mode]) else { return }
        let decoded = try JPEGLSCodec.decode(codestream, limits: JPEGLSTestData.limits(of: file))
        #expect(decoded.components == 3 && decoded.precision == 8)
        #expect(decoded.samples == .uint8(try JPEGLSTestData.nativePixelBytes(path: input)))
    }

    @Test("near-lossless RGB stays within DCMTK's maximum deviation")
    func nearLosslessRGB() throws {
        let input = SampleCorpus.path("us_rgb_evrle.dcm")
        guard let (file, codestream) = try Self.encodeWithDCMTK(input, options: ["+en", "+md", "3"]) else { return }
        let decoded = try JPEGLSCodec.decode(codestream, limits: JPEGLSTestData.limits(of: file))
        let native = try JPEGLSTestData.nativePixelBytes(path: input)
        guard case .uint8(let samples) = decoded.samples else {
            Issue.record("expected 8-bit samples")
            return
        }
        #expect(samples.count == native.count)
        #expect(samples != native)
        #expect(zip(samples, native).allSatisfy { abs(Int($0) - Int($1)) <= 3 })
    }
}
