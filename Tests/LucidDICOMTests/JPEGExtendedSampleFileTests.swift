import Foundation
import LucidCodecs
import LucidTestSupport
import Testing

@testable import LucidDICOM

/// Decodes the JPEG Baseline and Extended sample files and compares them with the manifest
/// goldens, pydicom's decoder and the system libjpeg.
///
/// The manifests' 12-bit goldens come from pylibjpeg-libjpeg (Thomas Richter's libjpeg), whose
/// inverse DCT rounds differently from IJG's islow: this decoder, like DCMTK, differs from it by at
/// most 1 (ct_enhanced frame 0: 8132 of 262144 samples, frame 1: 6601; RG2_JPLY_fixed: 84190 of
/// 3766400) and matches every probe pixel. The 8-bit goldens come from GDCM and Pillow (IJG-family
/// libjpeg), which this decoder matches exactly.
@Suite("JPEG Extended sample files")
struct JPEGExtendedSampleFileTests {
    @Test("12-bit CT frames match the probe pixels and pydicom within 1")
    func twelveBitCT() throws {
        let name = "ct_enhanced_2frame_jpeg_extended12.dcm"
        let frames = try JPEGExtendedTestSupport.frames(path: SampleCorpus.path(name))
        try #require(frames.count == 2)
        let images = try frames.map { try JPEGExtendedDecoder.decode($0, maximumSampleCount: 512 * 512) }
        for image in images {
            #expect(image.width == 512 && image.height == 512 && image.components == 1 && image.precision == 12)
        }
        let entry = try DICOMSampleFiles.entry(name)
        for probe in entry.probePixels {
            #expect(Int(images[0][probe.column, probe.row, 0]) == probe.value, "pixel (\(probe.row), \(probe.column))")
        }
        guard let reference = try JPEGExtendedTestSupport.pydicomSamples(path: SampleCorpus.path(name)) else { return }
        try #require(reference.count == 2 * 512 * 512)
        for (index, image) in images.enumerated() {
            let expected = Array(reference[(index * 512 * 512)..<((index + 1) * 512 * 512)])
            let difference = JPEGExtendedTestSupport.difference(image.samples, expected)
            #expect(difference.maximum <= 1, "frame \(index): \(difference)")
        }
    }

    @Test("12-bit CR with 10 bits stored matches the probe pixels and pydicom within 1")
    func twelveBitRadiograph() throws {
        let path = SampleCorpus.codecsPath("JPEGExtended__RG2_JPLY_fixed.dcm")
        let frames = try JPEGExtendedTestSupport.frames(path: path)
        let image = try JPEGExtendedDecoder.decode(frames[0], maximumSampleCount: 1760 * 2140)
        #expect(image.width == 1760 && image.height == 2140 && image.precision == 12)
        let probes = [(0, 0, 894), (1070, 880, 410), (713, 1173, 287), (1605, 440, 1), (2139, 1759, 894)]
        for (row, column, value) in probes {
            #expect(Int(image[column, row, 0]) & 0x3FF == value, "pixel (\(row), \(column))")
        }
        guard let reference = try JPEGExtendedTestSupport.pydicomSamples(path: path) else { return }
        let masked = image.samples.map { $0 & 0x3FF }
        #expect(JPEGExtendedTestSupport.difference(masked, reference).maximum <= 1)
    }

    /// RG2_JPLY's scan header declares Se = 0 instead of 63 (T.81 Table B.3): pylibjpeg-libjpeg
    /// refuses it, IJG libjpeg (DCMTK's dcmdjpeg) only warns. Lucid refuses it with the reason, as
    /// its libjpeg path refuses what libjpeg warns about; the copy with Se corrected decodes.
    @Test func scanWithWrongSpectralEndIsRefused() throws {
        let broken = try JPEGExtendedTestSupport.frames(path: SampleCorpus.codecsPath("JPEGExtended__RG2_JPLY.dcm"))
        let fixed = try JPEGExtendedTestSupport.frames(
            path: SampleCorpus.codecsPath("JPEGExtended__RG2_JPLY_fixed.dcm"))
        let sos = try #require((0..<(broken[0].count - 1)).first { broken[0][$0] == 0xFF && broken[0][$0 + 1] == 0xDA })
        #expect(broken[0][sos + 8] == 0 && fixed[0][sos + 8] == 63)  // Se
        #expect(throws: JPEGDecodingError.self) { try JPEGExtendedDecoder.decode(broken[0]) }
        do {
            _ = try JPEGExtendedDecoder.decode(broken[0])
        } catch {
            #expect(error.description.contains("Ss=0 Se=0"), "\(error)")
        }
        #expect(try JPEGExtendedDecoder.decode(fixed[0]).samples.count == 1760 * 2140)
    }

    static let eightBitFiles: [(name: String, codecs: Bool)] = [
        ("ot_jpeg_baseline_gray8.dcm", false), ("us_ybr_jpeg_baseline_8frame.dcm", false),
        ("JPEGBaseline__JPEGBaseline_1s_1f_u_08_08.dcm", true), ("JPEGBaseline__SC_rgb_dcmtk_+eb+cr.dcm", true),
        ("JPEGBaseline__SC_rgb_dcmtk_+eb+cy+n1.dcm", true), ("JPEGBaseline__SC_rgb_dcmtk_+eb+cy+n2.dcm", true),
        ("JPEGBaseline__SC_rgb_dcmtk_+eb+cy+np.dcm", true), ("JPEGBaseline__SC_rgb_dcmtk_+eb+cy+s2.dcm", true),
        ("JPEGBaseline__SC_rgb_dcmtk_+eb+cy+s4.dcm", true), ("JPEGBaseline__SC_rgb_jpeg_dcmtk.dcm", true),
        ("JPEGBaseline__SC_rgb_jpeg_lossy_gdcm.dcm", true), ("JPEGBaseline__SC_rgb_small_odd_jpeg.dcm", true),
        ("JPEGExtended__JPEGExtended_3s_1f_u_08_08.dcm", true),
    ]

    /// Greyscale and YCbCr (4:4:4, 4:2:2, 4:2:0) 8-bit files equal the manifest's stored values,
    /// which GDCM and Pillow (IJG islow with fancy upsampling) produce.
    @Test("8-bit files equal the IJG-decoded manifest goldens", arguments: eightBitFiles)
    func eightBitFile(file: (name: String, codecs: Bool)) throws {
        let path = file.codecs ? SampleCorpus.codecsPath(file.name) : SampleCorpus.path(file.name)
        let entries = file.codecs ? try SampleCorpus.codecEntries() : try SampleCorpus.manifestEntries()
        let entry = try #require(entries.first { $0["file"] as? String == file.name })
        let stored = try #require(entry["stored_frame0"] as? [String: Any])
        let image = try JPEGExtendedDecoder.decode(try JPEGExtendedTestSupport.frames(path: path)[0])
        #expect(image.precision == 8)
        #expect(SHA256.hex(image.samples.map { UInt8($0) }) == stored["sha256_le"] as? String)
    }

    @Test(
        "8-bit greyscale equals the system libjpeg",
        arguments: ["ot_jpeg_baseline_gray8.dcm", "JPEGBaseline__JPEGBaseline_1s_1f_u_08_08.dcm"])
    func eightBitMatchesLibjpeg(name: String) throws {
        let path = name.hasPrefix("JPEG") ? SampleCorpus.codecsPath(name) : SampleCorpus.path(name)
        let codestream = try JPEGExtendedTestSupport.frames(path: path)[0]
        let ours = try JPEGExtendedDecoder.decode(codestream)
        let libjpeg = try JPEGCodec.decode(codestream)
        #expect(ours.width == libjpeg.width && ours.height == libjpeg.height)
        #expect(JPEGExtendedTestSupport.difference(ours.samples, libjpeg.samples.map(UInt16.init)).maximum == 0)
    }

    @Test(
        "progressive, lossless, hierarchical and arithmetic frames are refused",
        arguments: [
            UInt8(0xC2), 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF,
        ])
    func refusedProcesses(marker: UInt8) throws {
        var codestream = try JPEGExtendedTestSupport.frames(path: SampleCorpus.path("ot_jpeg_baseline_gray8.dcm"))[0]
        let sof = try #require(
            (0..<(codestream.count - 1)).first { codestream[$0] == 0xFF && codestream[$0 + 1] == 0xC0 })
        codestream[sof + 1] = marker
        #expect {
            try JPEGExtendedDecoder.decode(codestream)
        } throws: { error in
            guard case .unsupported = error as? JPEGDecodingError else { return false }
            return true
        }
    }
}
