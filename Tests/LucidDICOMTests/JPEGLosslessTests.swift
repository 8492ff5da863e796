import LucidTestSupport
import Testing

@testable import LucidDICOM

/// Decodes the JPEG Lossless sample files and compares frame 0 with the manifest goldens
/// (sha256 of the little-endian stored values, and probe pixels).
@Suite("JPEG Lossless sample files")
struct JPEGLosslessSampleFileTests {
    static let files = [
        "pt_ge_jpegll_float_rescale.dcm",
        "mr_siemens_jpegll_window_width_0.dcm",
        "ct_nema_ct1_jpeg_lossless_sv1.dcm",
        "cr_mono1_modality_lut_seq_jpegll.dcm",
        "mg_ge_sigmoid_3windows_jpegll.dcm",
    ]

    @Test("decodes exactly", arguments: files)
    func decodesExactly(file: String) throws {
        let entry = try DICOMSampleFiles.entry(file)
        let codestream = try DICOMSampleFiles.jpegCodestream(try DICOMSampleFiles.bytes(file))
        let image = try JPEGLosslessDecoder.decode(codestream)

        #expect(image.width == entry.columns)
        #expect(image.height == entry.rows)
        #expect(image.components == 1)
        #expect(image.samples.count == image.width * image.height)

        let stored = DICOMSampleFiles.storedValues(
            image.samples, bitsStored: entry.bitsStored, signed: entry.pixelRepresentation == 1)
        #expect(SHA256.hex(DICOMSampleFiles.littleEndianBytes(stored)) == entry.storedSHA256)
        for probe in entry.probePixels {
            #expect(
                stored[probe.row * image.width + probe.column] == probe.value, "pixel (\(probe.row), \(probe.column))")
        }
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func mammogramIconIsNotTakenForTheImage() throws {
        let codestream = try DICOMSampleFiles.jpegCodestream(
            try DICOMSampleFiles.bytes("mg_ge_sigmoid_3windows_jpegll.dcm"))
        let image = try JPEGLosslessDecoder.decode(codestream)
        #expect(image.width == 2394)
        #expect(image.height == 3062)
        #expect(image.precision == 16)
    }

    @Test func baselineJPEGIsNotLossless() throws {
        let codestream = try DICOMSampleFiles.jpegCodestream(try DICOMSampleFiles.bytes("ot_jpeg_baseline_gray8.dcm"))
        #expect(throws: JPEGLosslessError.notLossless(marker: 0xC0)) { try JPEGLosslessDecoder.decode(codestream) }
    }
}
