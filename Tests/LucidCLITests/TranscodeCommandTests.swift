import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// `lucid transcode` run as a user runs it: exit statuses, pipes, atomic replacement, nothing left
/// behind on failure.
@Suite struct TranscodeCommandTests {
    func contents(_ path: String) throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: path)))
    }

    func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test("A JPEG-LS file to Explicit VR Little Endian and back to JPEG-LS: exit 0, same stored values")
    func roundTrip() throws {
        let folder = try LucidBinary.temporaryFolder()
        let source = SampleCorpus.path("ct_nema_ct1_jpegls_lossless_fragmented.dcm")
        let native = try LucidBinary.run(["transcode", source, "-o", folder + "/native.dcm"])
        #expect(native.status == 0, "\(native.standardError)")
        let compressed = try LucidBinary.run(
            ["transcode", folder + "/native.dcm", "-o", folder + "/jls.dcm", "--to", "jpeg-ls"])
        #expect(compressed.status == 0, "\(compressed.standardError)")
        let original = try DICOMImage(path: source)
        for (name, syntax) in [("native.dcm", "1.2.840.10008.1.2.1"), ("jls.dcm", "1.2.840.10008.1.2.4.80")] {
            let image = try DICOMImage(path: folder + "/" + name)
            #expect(image.file.transferSyntax.uid == syntax)
            #expect(try image.storedFrame(0).samples == original.storedFrame(0).samples)
            #expect(image.dataSet.string(.sopInstanceUID) == original.dataSet.string(.sopInstanceUID))
        }
        #expect(try listing(folder) == ["jls.dcm", "native.dcm"])
    }

    @Test("Standard input to standard output")
    func pipes() throws {
        let bytes = try #require(FileManager.default.contents(atPath: SampleCorpus.path("mr_small_rle.dcm")))
        let result = try LucidBinary.run(["transcode", "-", "-o", "-"], input: bytes)
        #expect(result.status == 0, "\(result.standardError)")
        let image = try DICOMImage(file: DICOMFile(bytes: [UInt8](result.standardOutput), source: "out"))
        #expect(image.file.transferSyntax.uid == "1.2.840.10008.1.2.1")
        let source = try DICOMImage(path: SampleCorpus.path("mr_small_rle.dcm"))
        #expect(try image.storedFrame(0).samples == source.storedFrame(0).samples)
    }

    @Test("A truncated input exits 1 naming the file, writes nothing and leaves an existing output as it was")
    func truncatedInput() throws {
        let folder = try LucidBinary.temporaryFolder()
        let output = folder + "/out.dcm"
        let source = SampleCorpus.path("mr_small_truncated_pixeldata.dcm")
        var result = try LucidBinary.run(["transcode", source, "-o", output])
        #expect(result.status == 1)
        #expect(result.standardError.contains("mr_small_truncated_pixeldata.dcm"))
        #expect(result.standardError.contains("truncated"))
        #expect(try listing(folder).isEmpty)
        try Data("previous".utf8).write(to: URL(fileURLWithPath: output))
        result = try LucidBinary.run(["transcode", source, "-o", output, "--to", "jpeg-ls"])
        #expect(result.status == 1)
        #expect(try contents(output) == Array("previous".utf8))
        #expect(try listing(folder) == ["out.dcm"])
    }

    @Test("An existing output is replaced whole")
    func replacesOutput() throws {
        let folder = try LucidBinary.temporaryFolder()
        let output = folder + "/out.dcm"
        try Data(repeating: 0xAB, count: 3_000_000).write(to: URL(fileURLWithPath: output))
        let result = try LucidBinary.run(["transcode", SampleCorpus.path("mr_small_evrbe.dcm"), "-o", output])
        #expect(result.status == 0, "\(result.standardError)")
        let bytes = try contents(output)
        #expect(Array(bytes[128..<132]) == Array("DICM".utf8))
        #expect(bytes.count < 20_000)
        #expect(try listing(folder) == ["out.dcm"])
    }

    @Test("Bad usage exits 2 and writes nothing: unknown --to, the input as its own output")
    func usage() throws {
        let folder = try LucidBinary.temporaryFolder()
        let source = SampleCorpus.path("mr_small_evrle.dcm")
        let unknown = try LucidBinary.run(["transcode", source, "-o", folder + "/out.dcm", "--to", "jpeg2000"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("unknown --to 'jpeg2000'"))
        let copy = folder + "/copy.dcm"
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        let before = try contents(copy)
        let inPlace = try LucidBinary.run(["transcode", copy, "-o", copy, "--to", "jpeg-ls"])
        #expect(inPlace.status == 2)
        #expect(inPlace.standardError.contains("is the input file itself"))
        #expect(try contents(copy) == before)
        #expect(try listing(folder) == ["copy.dcm"])
    }

    @Test("HTJ2K: the output decodes to the source's values; a frame that cannot be encoded leaves nothing")
    func htj2k() throws {
        let folder = try LucidBinary.temporaryFolder()
        let source = SampleCorpus.path("mr_small_evrle.dcm")
        let result = try LucidBinary.run(["transcode", source, "-o", folder + "/out.dcm", "--to", "htj2k"])
        #expect(result.status == 0, "\(result.standardError)")
        let output = try DICOMImage(path: folder + "/out.dcm")
        #expect(output.file.transferSyntax.uid == "1.2.840.10008.1.2.4.201")
        #expect(try output.storedFrame(0) == DICOMImage(path: source).storedFrame(0))
        let float = SampleCorpus.codecsPath("LittleEndianImplicit__rtdose_1frame.dcm")
        let refused = try LucidBinary.run(["transcode", float, "-o", folder + "/dose.dcm", "--to", "htj2k"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("rtdose_1frame.dcm"), "\(refused.standardError)")
        #expect(try listing(folder) == ["out.dcm"])
    }
}
