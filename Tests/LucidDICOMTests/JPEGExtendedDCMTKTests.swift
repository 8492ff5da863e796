import Foundation
import LucidTestSupport
import Testing

@testable import LucidDICOM

/// Compresses a 12-bit CT with DCMTK's extended-sequential JPEG encoder and checks that this
/// decoder gives exactly the samples of DCMTK's own decoder (both use IJG's islow inverse DCT).
@Suite("JPEG Extended against DCMTK")
struct JPEGExtendedDCMTKTests {
    @Test("dcmcjpeg +ee 12-bit stream decodes bit-exactly like dcmdjpeg")
    func dcmtkRoundTrip() throws {
        let encoder = ExternalTool.find("dcmcjpeg"), decoder = ExternalTool.find("dcmdjpeg")
        guard
            ExternalTool.require(
                encoder != nil && decoder != nil, tool: "DCMTK (dcmcjpeg, dcmdjpeg)", install: "apt-get install dcmtk"),
            let encoder, let decoder
        else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jpeg-extended-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let compressed = folder.appendingPathComponent("extended.dcm").path
        let decompressed = folder.appendingPathComponent("native.dcm").path
        let source = SampleCorpus.path("ct_philips_12bit_two_windows.dcm")
        let encoding = try ExternalTool.run(encoder, ["+ee", source, compressed])
        try #require(encoding.status == 0, "dcmcjpeg: \(encoding.standardError)")
        let decoding = try ExternalTool.run(decoder, [compressed, decompressed])
        try #require(decoding.status == 0, "dcmdjpeg: \(decoding.standardError)")

        let codestream = try JPEGExtendedTestSupport.frames(path: compressed)[0]
        // DCMTK writes SOF1 with 12-bit precision for 12 bits stored.
        let sof = try #require(
            (0..<(codestream.count - 1)).first { codestream[$0] == 0xFF && codestream[$0 + 1] == 0xC1 })
        #expect(codestream[sof + 4] == 12)
        let image = try JPEGExtendedDecoder.decode(codestream, maximumSampleCount: 512 * 512)
        #expect(image.width == 512 && image.height == 512 && image.precision == 12)
        let reference = try JPEGExtendedTestSupport.nativeSamples16(path: decompressed)
        #expect(JPEGExtendedTestSupport.difference(image.samples, reference).maximum == 0)
        // Lossy but close to the original in modality units: DCMTK shifts the stored values and
        // adjusts Rescale Intercept to match (-1024 becomes -2047 here).
        let originalIntercept = try #require(try DICOMFile.read(path: source).dataSet.double(.rescaleIntercept))
        let intercept = try #require(try DICOMFile.read(path: compressed).dataSet.double(.rescaleIntercept))
        let shift = Int(originalIntercept - intercept)
        let original = try JPEGExtendedTestSupport.nativeSamples16(path: source)
        let largestError = zip(image.samples, original).map { abs(Int($0) - shift - Int($1)) }.max() ?? 0
        #expect(largestError > 0 && largestError <= 24)
    }
}
