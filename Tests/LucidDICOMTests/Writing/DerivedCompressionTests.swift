import Foundation
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Derived images of compressed sources are stored losslessly compressed: JPEG-LS, or HTJ2K for an
/// HTJ2K source; the stored values read back exactly.
@Suite struct DerivedCompressionTests {
    @Test(
        "The lossless syntax follows the source's",
        arguments: [
            ("mr_small_evrle.dcm", TargetSyntax.explicitVRLittleEndian),
            ("ot_deflated_8bit.dcm", .explicitVRLittleEndian),
            ("mr_small_rle.dcm", .jpegLSLossless), ("mr_small_j2k_lossless.dcm", .jpegLSLossless),
            ("ct_nema_ct1_jpeg_lossless_sv1.dcm", .jpegLSLossless), ("ct_nema_ct1_j2k_lossy.dcm", .jpegLSLossless),
            ("ot_jpeg_baseline_gray8.dcm", .jpegLSLossless), ("mr_small_jpegls_lossless.dcm", .jpegLSLossless),
        ])
    func syntaxChoice(name: String, expected: TargetSyntax) throws {
        #expect(DerivedImage.losslessSyntax(for: try DICOMImage(path: SampleCorpus.path(name))) == expected)
    }

    @Test(
        "JPEG-LS and HTJ2K derived images read back with the processed stored values",
        arguments: DerivedSamples.decodable.filter { !$0.contains("deflated") },
        [TargetSyntax.jpegLSLossless, .htj2kLossless])
    func roundTrip(name: String, syntax: TargetSyntax) throws {
        let sample = try DerivedSamples.derive(name)
        guard sample.source.pixel.isGrayscale, sample.source.pixel.bitsAllocated <= 16 else { return }
        var derived = sample.derived
        derived.transferSyntax = syntax
        let back = try DICOMImage(file: DICOMFile(bytes: try derived.encode(), source: name + " derived"))
        #expect(back.file.transferSyntax.uid == syntax.transferSyntax.uid)
        #expect(back.pixel.encoding == sample.source.pixel.encoding)
        #expect(try back.frame(0) == sample.processed, "\(name) as \(syntax)")
    }

    @Test("A JPEG Lossless mammogram's derived image is JPEG-LS, no larger than the source file")
    func mammogramSize() throws {
        let path = SampleCorpus.path("mg_ge_sigmoid_3windows_jpegll.dcm")
        let sample = try DerivedSamples.derive("mg_ge_sigmoid_3windows_jpegll.dcm")
        var derived = sample.derived
        derived.transferSyntax = DerivedImage.losslessSyntax(for: sample.source)
        let bytes = try derived.encode()
        let sourceSize = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let nativeSize = sample.processed.pixels.count * 2
        #expect(derived.transferSyntax == .jpegLSLossless)
        #expect(bytes.count <= sourceSize, "\(bytes.count) bytes derived, \(sourceSize) source")
        #expect(bytes.count * 4 < nativeSize, "\(bytes.count) bytes derived, \(nativeSize) native pixels")
    }
}
