import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// The transfer syntax of the derived DICOM that `lucid process --archive` files: JPEG-LS Lossless
/// (1.2.840.10008.1.2.4.80) for a JPEG Lossless or RLE source, HTJ2K Lossless (1.2.840.10008.1.2.4.201)
/// for an HTJ2K one, native Explicit VR Little Endian for a native one; and the compressed derived
/// image holds exactly the values of the native one, which are the processed values as computed.
@Suite struct DerivedSyntaxCommandTests {
    static let steps = "denoise:median:3 | window:file"
    static let native = "1.2.840.10008.1.2.1"

    /// Runs `lucid process` with `--archive` on the one file `source` (copied into a folder of its
    /// own under `folder`) and returns the path of the derived DICOM it filed.
    static func derived(_ source: String, under folder: String, name: String) throws -> String {
        let input = folder + "/" + name + "-in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: input + "/image.dcm")
        let run = try LucidBinary.run([
            "process", input, "--archive", folder + "/" + name + "-archive", "--steps", steps, "--json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let line = ProcessFixture.jsonLines(run.standardOutput).first { $0["path"] != nil }
        let outputs = (line?["outputs"] as? [String]) ?? []
        return try #require(outputs.first { $0.hasSuffix(".derived.dcm") }, "no derived DICOM in \(outputs)")
    }

    @Test(
        "A compressed source's derived image is stored losslessly compressed, with the native derived image's values",
        arguments: [
            ("ct_nema_ct1_jpeg_lossless_sv1.dcm", nil, "1.2.840.10008.1.2.4.80"),
            ("mr_small_rle.dcm", nil, "1.2.840.10008.1.2.4.80"),
            ("mr_small_evrle.dcm", "htj2k", "1.2.840.10008.1.2.4.201"),
        ] as [(String, String?, String)])
    func compressedSource(name: String, transcodedTo: String?, syntax: String) throws {
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var source = SampleCorpus.path(name)
        if let transcodedTo {
            let made = try LucidBinary.run(["transcode", source, "-o", folder + "/source.dcm", "--to", transcodedTo])
            #expect(made.status == 0, "\(made.standardError)")
            source = folder + "/source.dcm"
        }
        let decompressed = folder + "/native.dcm"
        let transcoded = try LucidBinary.run(["transcode", source, "-o", decompressed])
        #expect(transcoded.status == 0, "\(transcoded.standardError)")
        let original = try DICOMImage(path: source)
        #expect(original.file.transferSyntax.uid != Self.native)
        #expect(try DICOMImage(path: decompressed).file.transferSyntax.uid == Self.native)

        let compressed = try DICOMImage(path: try Self.derived(source, under: folder, name: "compressed"))
        let reference = try DICOMImage(path: try Self.derived(decompressed, under: folder, name: "native"))
        #expect(compressed.file.transferSyntax.uid == syntax, "\(name)")
        #expect(reference.file.transferSyntax.uid == Self.native, "\(name)")
        let values = try compressed.storedFrame(0).samples
        #expect(values == (try reference.storedFrame(0).samples), "\(name): the derived values differ")
        #expect(values != (try original.storedFrame(0).samples), "\(name): the median changed no value")
        #expect(compressed.pixel.bitsStored == original.pixel.bitsStored)
        #expect(compressed.pixel.pixelRepresentation == original.pixel.pixelRepresentation)
        try Self.checkWithPydicom(compressed.source, equals: reference.source, syntax: syntax)
    }

    /// pydicom (with pylibjpeg's decoders) reads `path` in `syntax` and finds the stored values of
    /// the native file `reference`.
    static func checkWithPydicom(_ path: String, equals reference: String, syntax: String) throws {
        guard let python = try ExternalTool.pythonWithPydicom() else { return }
        let script = """
            import sys, numpy, pydicom
            compressed, native = pydicom.dcmread(sys.argv[1]), pydicom.dcmread(sys.argv[2])
            assert compressed.file_meta.TransferSyntaxUID == sys.argv[3], compressed.file_meta.TransferSyntaxUID
            assert numpy.array_equal(compressed.pixel_array, native.pixel_array)
            print(compressed.pixel_array.size)
            """
        let result = try ExternalTool.run(python, ["-c", script, path, reference, syntax])
        #expect(result.status == 0, "pydicom: \(result.standardError)")
        #expect(Int(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
    }
}
