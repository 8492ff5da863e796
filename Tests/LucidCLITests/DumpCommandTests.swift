import Foundation
import LucidTestSupport
import Testing

/// `lucid dump` as a user runs it: every element with tag, VR, length, keyword and value.
@Suite struct DumpCommandTests {
    static func lines(_ name: String) throws -> [String] {
        let result = try LucidBinary.run(["dump", SampleCorpus.path(name)])
        #expect(result.status == 0, "\(result.standardError)")
        return result.outputText.split(separator: "\n").map(String.init)
    }

    @Test("Known elements of an Explicit VR file, File Meta Information included, exactly")
    func knownTags() throws {
        let lines = try DumpCommandTests.lines("mr_small_evrle.dcm")
        for expected in [
            "(0002,0000) UL       4 FileMetaInformationGroupLength = 190",
            "(0002,0010) UI      20 TransferSyntaxUID = [1.2.840.10008.1.2.1]",
            "(0008,0008) CS      24 ImageType = [DERIVED\\SECONDARY\\OTHER]",
            "(0008,0060) CS       2 Modality = [MR]",
            "(0010,0010) PN      22 PatientName = [CompressedSamples^MR1]",
            "(0028,0010) US       2 Rows = 64",
            "(0028,0030) DS      14 PixelSpacing = [0.3125\\0.3125]",
            "(7FE0,0010) OW    8192 PixelData = 8192 bytes",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
        #expect(lines.first == "# " + SampleCorpus.path("mr_small_evrle.dcm"))
    }

    @Test("Implicit VR: the VR from PS3.6, SS for the pixel values of a signed image")
    func implicitVR() throws {
        let lines = try DumpCommandTests.lines("mr_small_ivrle.dcm")
        #expect(lines.contains("(0008,1010) SH      10 StationName = [000000000]"))
        #expect(lines.contains("(0028,0106) SS       2 SmallestImagePixelValue = 0"))
        #expect(lines.contains("(0028,0107) SS       2 LargestImagePixelValue = 4000"))
    }

    @Test("Sequences: items under their sequence, each level indented")
    func nestedSequences() throws {
        let lines = try DumpCommandTests.lines("ct_enhanced_2frame_evrle.dcm")
        let shared = try #require(lines.firstIndex { $0.hasPrefix("(5200,9229) SQ ") })
        #expect(lines[shared].hasSuffix(" SharedFunctionalGroupsSequence = 1 item"))
        #expect(lines[shared + 1] == "  (FFFE,E000) item 1")
        let rest = lines[(shared + 2)...]
        let measures = try #require(rest.firstIndex { $0.hasPrefix("    (0028,9110) SQ ") })
        #expect(lines[measures].hasSuffix(" PixelMeasuresSequence = 1 item"))
        #expect(lines[measures + 1] == "      (FFFE,E000) item 1")
        #expect(
            lines[(measures + 2)...].prefix(2).contains(
                "        (0028,0030) DS      18 PixelSpacing = [0.388672\\0.388672]"))
    }

    @Test("Encapsulated Pixel Data is summarised by fragments; long values are cut unless --full")
    func summaries() throws {
        let lines = try DumpCommandTests.lines("ct_nema_ct1_jpegls_lossless_fragmented.dcm")
        let pixels = try #require(lines.first { $0.hasPrefix("(7FE0,0010) OB     u/l PixelData = encapsulated: ") })
        #expect(pixels.contains(" fragments, "), "\(pixels)")
        let truncated = try DumpCommandTests.lines("mr_small_truncated_pixeldata.dcm")
        #expect(
            truncated.contains {
                $0.hasPrefix("(7FE0,0010) OW") && $0.hasSuffix(", truncated: the file ends inside it")
            })
        let palette = "(0028,1201) OW     200 RedPaletteColorLookupTableData = "
        let cut = try DumpCommandTests.lines("ct_enhanced_2frame_evrle.dcm").first { $0.hasPrefix(palette) }
        #expect(cut?.hasSuffix(" ... (200 bytes)") == true, "\(cut ?? "")")
        let whole = try LucidBinary.run(["dump", "--full", SampleCorpus.path("ct_enhanced_2frame_evrle.dcm")])
        let wholeLine = whole.outputText.split(separator: "\n").first { $0.hasPrefix(palette) }
        #expect(wholeLine.map { !$0.contains("...") && $0.count == palette.count + 200 * 3 - 1 } == true)
    }

    @Test("A truncated file: an error naming it, exit status 1, the other files still dumped")
    func truncatedFile() throws {
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: SampleCorpus.path("mr_small_evrle.dcm")))
        let cutPath = folder + "/cut.dcm"
        try bytes.prefix(600).write(to: URL(fileURLWithPath: cutPath))
        let good = SampleCorpus.path("mr_small_evrle.dcm")
        let result = try LucidBinary.run(["dump", cutPath, good])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix(cutPath + ": "), "\(result.standardError)")
        #expect(result.outputText.contains("# " + good + "\n"))
        #expect(result.outputText.contains("(0028,0010) US       2 Rows = 64"))
        let json = try LucidBinary.run(["dump", "--json", cutPath, good])
        #expect(json.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [[String: Any]])
        #expect(array.count == 1)
    }
}
