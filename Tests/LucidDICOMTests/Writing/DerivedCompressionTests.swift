import Foundation
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Derived images of compressed sources are stored losslessly compressed: JPEG-LS, or HTJ2K for an
/// HTJ2K source; the stored values read back exactly.
@Suite struct DerivedCompressionTests {
    @Test(
        "The lossless syntax follows the source's (an HTJ2K source made from a corpus file by the transcoder)",
        arguments: [
            ("mr_small_evrle.dcm", nil, TargetSyntax.explicitVRLittleEndian),
            ("ot_deflated_8bit.dcm", nil, .explicitVRLittleEndian),
            ("mr_small_rle.dcm", nil, .jpegLSLossless), ("mr_small_j2k_lossless.dcm", nil, .jpegLSLossless),
            ("ct_nema_ct1_jpeg_lossless_sv1.dcm", nil, .jpegLSLossless),
            ("ct_nema_ct1_j2k_lossy.dcm", nil, .jpegLSLossless),
            ("ot_jpeg_baseline_gray8.dcm", nil, .jpegLSLossless),
            ("mr_small_jpegls_lossless.dcm", nil, .jpegLSLossless),
            ("mr_small_evrle.dcm", .htj2kLossless, .htj2kLossless),
            ("ct_nema_ct1_jpeg_lossless_sv1.dcm", .htj2kLossless, .htj2kLossless),
            ("mr_small_rle.dcm", .jpegLSLossless, .jpegLSLossless),
        ] as [(String, TargetSyntax?, TargetSyntax)])
    func syntaxChoice(name: String, transcodedTo: TargetSyntax?, expected: TargetSyntax) throws {
        var source = try DICOMImage(path: SampleCorpus.path(name))
        if let transcodedTo {
            let bytes = try Transcoder.transcode(source, to: transcodedTo, implementationVersion: "0.1.0")
            source = try DICOMImage(file: DICOMFile(bytes: bytes, source: "\(name) as \(transcodedTo.name)"))
            #expect(source.file.transferSyntax.uid == transcodedTo.transferSyntax.uid)
        }
        #expect(DerivedImage.losslessSyntax(for: source) == expected)
        guard transcodedTo == .htj2kLossless else { return }
        let frame = try source.frame(0)
        var derived = DerivedImage(
            source: source, processed: frame, encoding: source.pixel.encoding, recipe: DerivedSamples.recipe,
            window: nil, softwareVersion: "0.1.0")
        derived.transferSyntax = DerivedImage.losslessSyntax(for: source)
        let back = try DICOMImage(file: DICOMFile(bytes: try derived.encode(), source: "\(name) derived"))
        #expect(back.file.transferSyntax.uid == "1.2.840.10008.1.2.4.201")
        #expect(try back.frame(0) == frame)
    }

    /// Every decodable file of the sample set is grayscale of at most 16 bits allocated (8-bit ones
    /// included), so every one goes through both codecs here; colour and wider sources are the next test's.
    @Test(
        "JPEG-LS and HTJ2K derived images read back with the processed stored values",
        arguments: DerivedSamples.decodable.filter { !$0.contains("deflated") },
        [TargetSyntax.jpegLSLossless, .htj2kLossless])
    func roundTrip(name: String, syntax: TargetSyntax) throws {
        let sample = try DerivedSamples.derive(name)
        try #require(sample.source.pixel.isGrayscale && sample.source.pixel.bitsAllocated <= 16, "\(name)")
        var derived = sample.derived
        derived.transferSyntax = syntax
        let back = try DICOMImage(file: DICOMFile(bytes: try derived.encode(), source: name + " derived"))
        #expect(back.file.transferSyntax.uid == syntax.transferSyntax.uid)
        #expect(back.pixel.encoding == sample.source.pixel.encoding)
        #expect(back.pixel.bitsAllocated == 16 && back.pixel.samplesPerPixel == 1)
        #expect(try back.frame(0) == sample.processed, "\(name) as \(syntax)")
    }

    /// A derived image holds grey samples of at most 16 bits (`DerivedImage.processed`, from
    /// `DICOMImage.frame`); a colour source, or one of 32 bits allocated, refuses there with its own
    /// error while its stored values still decode, so no derived image is made of it (`lucid process`
    /// archives such a file without one: ColorProcessTests).
    @Test("Colour and 32-bit sources of the codec set: frame() refuses with its reason, storedFrame() decodes")
    func colourAndWideSources() throws {
        let entries = try SampleCorpus.codecEntries().filter { entry in
            (entry["samples_per_pixel"] as? Int ?? 1) != 1 || (entry["bits_allocated"] as? Int ?? 0) > 16
                || !((entry["photometric_interpretation"] as? String) ?? "").hasPrefix("MONOCHROME")
        }
        #expect(entries.count >= 30, "colour and wide files: \(entries.count)")
        var colour = 0
        var wide = 0
        for entry in entries {
            let name = try #require(entry["file"] as? String)
            let source = try DICOMImage(path: SampleCorpus.codecsPath(name))
            let stored = try source.storedFrame(0)
            #expect(stored.samples.count > 0, "\(name)")
            do {
                _ = try source.frame(0)
                Issue.record("\(name): frame(0) gave grey samples")
            } catch {
                switch error {
                case .notGrayscale(_, let photometric):
                    colour += 1
                    #expect(photometric == source.pixel.photometricInterpretation, "\(name)")
                case .unsupportedPixelFormat(_, let tag, _) where source.pixel.isGrayscale:
                    wide += 1
                    #expect(tag == .bitsStored && source.pixel.bitsAllocated == 32, "\(name)")
                default: Issue.record("\(name): \(error)")
                }
            }
        }
        #expect(colour == entries.count - 3 && wide == 3, "colour \(colour), 32-bit grey \(wide)")
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
