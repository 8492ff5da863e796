import LucidCodecs
import LucidTestSupport
import Testing

/// Every JPEG 2000 file of both corpora, decoded and compared with pydicom's stored values.
@Suite("JPEG 2000 corpus decoding")
struct JPEG2000CorpusTests {
    /// One file and what its codestream itself declares (which may differ from its DICOM header).
    struct Sample: Sendable, CustomTestStringConvertible {
        let name: String
        let inCodecCorpus: Bool
        let precision: Int
        let isSigned: Bool
        var components = 1
        var colorTransformUndone = false
        var isJP2File = false
        var testDescription: String { name }
    }

    static let samples: [Sample] = [
        Sample(name: "mr_small_j2k_lossless.dcm", inCodecCorpus: false, precision: 16, isSigned: true),
        Sample(name: "ct_nema_ct1_j2k_lossy.dcm", inCodecCorpus: false, precision: 16, isSigned: true),
        Sample(name: "JPEG2000Lossless__693_J2KR.dcm", inCodecCorpus: true, precision: 14, isSigned: true),
        Sample(name: "JPEG2000Lossless__966_fixed.dcm", inCodecCorpus: true, precision: 12, isSigned: false),
        Sample(
            name: "JPEG2000Lossless__GDCMJ2K_TextGBR.dcm", inCodecCorpus: true, precision: 8, isSigned: false,
            components: 3, colorTransformUndone: true, isJP2File: true),
        Sample(
            name: "JPEG2000Lossless__JPEG2KLossless_1s_1f_u_16_16.dcm", inCodecCorpus: true, precision: 16,
            isSigned: false),
        Sample(name: "JPEG2000Lossless__MR2_J2KR.dcm", inCodecCorpus: true, precision: 12, isSigned: false),
        Sample(
            name: "JPEG2000Lossless__NM_Kakadu44_SOTmarkerincons.dcm", inCodecCorpus: true, precision: 16,
            isSigned: false),
        Sample(name: "JPEG2000Lossless__RG3_J2KR.dcm", inCodecCorpus: true, precision: 10, isSigned: false),
        Sample(
            name: "JPEG2000Lossless__TOSHIBA_J2K_OpenJPEGv2Regression.dcm", inCodecCorpus: true, precision: 16,
            isSigned: false),
        Sample(
            name: "JPEG2000Lossless__TOSHIBA_J2K_SIZ0_PixRep1.dcm", inCodecCorpus: true, precision: 16,
            isSigned: false),
        Sample(
            name: "JPEG2000Lossless__TOSHIBA_J2K_SIZ1_PixRep0.dcm", inCodecCorpus: true, precision: 16,
            isSigned: true),
        Sample(
            name: "JPEG2000Lossless__US1_J2KR.dcm", inCodecCorpus: true, precision: 8, isSigned: false,
            components: 3, colorTransformUndone: true),
        Sample(
            name: "JPEG2000Lossless__emri_small_jpeg_2k_lossless.dcm", inCodecCorpus: true, precision: 16,
            isSigned: false),
        Sample(name: "JPEG2000Lossless__explicit_VR-UN.dcm", inCodecCorpus: true, precision: 16, isSigned: true),
        Sample(
            name: "JPEG2000__ELSCINT1_JP2vsJ2K.dcm", inCodecCorpus: true, precision: 12, isSigned: false,
            isJP2File: true),
        Sample(name: "JPEG2000__JPEG2000.dcm", inCodecCorpus: true, precision: 16, isSigned: true),
        Sample(
            name: "JPEG2000__MAROTECH_CT_JP2Lossy.dcm", inCodecCorpus: true, precision: 12, isSigned: false,
            isJP2File: true),
        Sample(name: "JPEG2000__MR2_J2KI.dcm", inCodecCorpus: true, precision: 12, isSigned: false),
        Sample(
            name: "JPEG2000__OsirixFake16BitsStoredFakeSpacing.dcm", inCodecCorpus: true, precision: 11,
            isSigned: false),
        Sample(name: "JPEG2000__RG3_J2KI.dcm", inCodecCorpus: true, precision: 10, isSigned: false),
        Sample(
            name: "JPEG2000__SC_rgb_gdcm_KY.dcm", inCodecCorpus: true, precision: 8, isSigned: false,
            components: 3),
    ]

    static func entry(_ sample: Sample) throws -> [String: Any] {
        let entries = try sample.inCodecCorpus ? SampleCorpus.codecEntries() : SampleCorpus.manifestEntries()
        guard let entry = entries.first(where: { $0["file"] as? String == sample.name }) else {
            throw JPEG2000TestSupport.Failure(description: "no manifest entry for \(sample.name)")
        }
        return entry
    }

    @Test("frame 0 decodes to pydicom's stored values", arguments: samples)
    func decodesLikePydicom(_ sample: Sample) throws {
        let entry = try Self.entry(sample)
        let path = sample.inCodecCorpus ? SampleCorpus.codecsPath(sample.name) : SampleCorpus.path(sample.name)
        let codestream = try JPEG2000TestSupport.firstFrame(path: path, frames: entry["number_of_frames"] as? Int ?? 1)
        let rows = try #require(entry["rows"] as? Int), columns = try #require(entry["columns"] as? Int)
        let header = try JPEG2000Codec.readHeader(codestream)
        #expect(header.isJP2File == sample.isJP2File)
        let decoded = try JPEG2000Codec.decode(
            codestream, limits: CodestreamLimits(maximumSampleCount: rows * columns * 3))
        #expect(decoded.width == columns && decoded.height == rows && decoded.components == sample.components)
        #expect(decoded.precision == sample.precision && decoded.isSigned == sample.isSigned)
        #expect(decoded.colorTransformUndone == sample.colorTransformUndone)
        #expect(decoded.samples.bytesPerSample == (sample.precision <= 8 ? 1 : 2))

        let stored = try #require(entry["stored_frame0"] as? [String: Any])
        let dtype = try #require(stored["dtype"] as? String)
        let bytes = JPEG2000TestSupport.pydicomStoredBytes(
            decoded, bitsStored: try #require(entry["bits_stored"] as? Int),
            pixelRepresentation: try #require(entry["pixel_representation"] as? Int),
            byteWidth: dtype.hasSuffix("8") ? 1 : 2)
        #expect(SHA256.hex(bytes) == stored["sha256_le"] as? String)
    }

    /// JPEG2000Lossless__966.dcm (pydicom: "error" with every plugin) holds a COM marker segment
    /// ("PADDING") between its last tile-part and EOC, where only SOT or EOC may stand (A.4.2);
    /// the _fixed file, without it, decodes. OpenJPEG stops at it in strict mode.
    @Test("the codestream with a COM marker after its last tile-part throws a codestream error")
    func commentAfterTileParts() throws {
        let codestream = try JPEG2000TestSupport.firstFrame(path: SampleCorpus.codecsPath("JPEG2000Lossless__966.dcm"))
        #expect(try JPEG2000Codec.readHeader(codestream).width == 2000)
        do {
            _ = try JPEG2000Codec.decode(codestream, limits: CodestreamLimits(maximumSampleCount: 2000 * 2128))
            Issue.record("decoded")
        } catch {
            guard case let .codestream(.jpeg2000, operation, message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(operation == "decode")
            #expect(message == "OpenJPEG could not decode the codestream: Stream too short, expected SOT")
        }
    }

    @Test("the list covers every JPEG 2000 file of both manifests")
    func coversBothManifests() throws {
        let syntaxes: Set = [
            "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.92", "1.2.840.10008.1.2.4.93",
        ]
        let all = try SampleCorpus.manifestEntries() + SampleCorpus.codecEntries()
        let names = all.filter { syntaxes.contains($0["transfer_syntax_uid"] as? String ?? "") }
            .compactMap { $0["file"] as? String }
        let listed = Set(Self.samples.map(\.name) + ["JPEG2000Lossless__966.dcm"])
        #expect(Set(names) == listed)
    }
}
