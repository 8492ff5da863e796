import LucidCodecs
import LucidDICOM
import LucidTestSupport
import Testing

/// One JPEG-LS file of the shared corpora.
struct JPEGLSCorpusFile: Sendable, CustomTestStringConvertible {
    let name: String
    /// In ../shared/dicom-codecs rather than ../shared/dicom-samples.
    let codecs: Bool
    let lossless: Bool

    var testDescription: String { name }
    var path: String { codecs ? SampleCorpus.codecsPath(name) : SampleCorpus.path(name) }

    static let all: [JPEGLSCorpusFile] = [
        .init(name: "mr_small_jpegls_lossless.dcm", codecs: false, lossless: true),
        .init(name: "ct_nema_ct1_jpegls_lossless_fragmented.dcm", codecs: false, lossless: true),
        .init(name: "ct_enhanced_2frame_jpegls_near_lossless.dcm", codecs: false, lossless: false),
        .init(name: "JPEGLSLossless__RG2_JLSL.dcm", codecs: true, lossless: true),
        .init(name: "JPEGLS__CT1_JLSN.dcm", codecs: true, lossless: false),
        .init(name: "JPEGLS__RG1_JLSN.dcm", codecs: true, lossless: false),
        .init(name: "JPEGLS__RG2_JLSN.dcm", codecs: true, lossless: false),
    ]
}

@Suite("JPEG-LS decoding of the sample corpora")
struct JPEGLSCorpusTests {
    @Test("frame 0 matches the manifest's stored values", arguments: JPEGLSCorpusFile.all)
    func frameZeroMatchesManifest(_ sample: JPEGLSCorpusFile) throws {
        let entry = try JPEGLSTestData.manifestEntry(sample.name, codecs: sample.codecs)
        let file = try DICOMFile.read(path: sample.path)
        let decoded = try JPEGLSCodec.decode(
            JPEGLSTestData.codestream(of: file), limits: JPEGLSTestData.limits(of: file))

        #expect(decoded.width == entry["columns"] as? Int)
        #expect(decoded.height == entry["rows"] as? Int)
        #expect(decoded.components == 1)
        #expect(decoded.isSigned == false)
        #expect(decoded.colorTransformUndone == false)
        let bitsStored = try #require(entry["bits_stored"] as? Int)
        #expect(decoded.precision >= bitsStored)
        guard case .uint16 = decoded.samples else {
            Issue.record("a \(decoded.precision)-bit codestream should give 16-bit samples")
            return
        }

        let stored = try #require(entry["stored_frame0"] as? [String: Any])
        let bytes = try JPEGLSTestData.storedBytes(
            decoded.samples, bitsStored: bitsStored, isSigned: entry["pixel_representation"] as? Int == 1,
            dtype: try #require(stored["dtype"] as? String))
        let digest = SHA256.hex(bytes)
        if sample.lossless {
            #expect(digest == stored["sha256_le"] as? String)
        } else {
            // Near-lossless: the reconstruction is defined by the standard, so every decoder agrees.
            let decode = try #require(entry["decode"] as? [String: Any])
            let decoders = try #require(decode["decoders"] as? [String: String])
            #expect(!decoders.isEmpty)
            #expect(decoders.values.contains(digest), "\(digest) is none of \(decoders)")
        }
    }

    @Test("probe pixels of the near-lossless CT (signed, 16 bits) come back sign-extendable")
    func probePixelsOfSignedNearLossless() throws {
        let file = try DICOMFile.read(path: SampleCorpus.codecsPath("JPEGLS__CT1_JLSN.dcm"))
        let decoded = try JPEGLSCodec.decode(
            JPEGLSTestData.codestream(of: file), limits: JPEGLSTestData.limits(of: file))
        guard case .uint16(let samples) = decoded.samples else {
            Issue.record("expected 16-bit samples")
            return
        }
        // [row, column, stored value] from the manifest.
        for (row, column, value) in [(0, 0, -1996), (256, 256, 967), (511, 511, -2000)] {
            #expect(Int(Int16(bitPattern: samples[row * 512 + column])) == value)
        }
    }

    @Test("the second frame of the two-frame near-lossless file decodes too")
    func secondFrame() throws {
        let file = try DICOMFile.read(path: SampleCorpus.path("ct_enhanced_2frame_jpegls_near_lossless.dcm"))
        let first = try JPEGLSCodec.decode(
            JPEGLSTestData.codestream(of: file, frame: 0), limits: JPEGLSTestData.limits(of: file))
        let second = try JPEGLSCodec.decode(
            JPEGLSTestData.codestream(of: file, frame: 1), limits: JPEGLSTestData.limits(of: file))
        #expect(second.width == 512 && second.height == 512 && second.precision == first.precision)
        #expect(second.samples != first.samples)
    }
}
