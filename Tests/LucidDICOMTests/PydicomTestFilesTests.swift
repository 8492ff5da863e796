import Foundation
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// The test files pydicom bundles (`pydicom/data/test_files`, pydicom 3.0.2 as `.ci/run` installs it):
/// files from many writers that Lucid's own corpus does not hold. Each one Lucid decodes must give
/// the stored values pydicom's `pixel_array` gives, every frame; each one it refuses must be refused
/// with a `DICOMError` that names the file.
@Suite struct PydicomTestFilesTests {
    /// The files Lucid decodes: grayscale, 8 or 16 bits allocated, a supported transfer syntax.
    static let decodable: Set<String> = [
        "CT_small.dcm", "MR_small.dcm", "MR_small_RLE.dcm", "MR_small_bigendian.dcm", "MR_small_expb.dcm",
        "MR_small_implicit.dcm", "MR_small_padded.dcm", "examples_overlay.dcm", "image_dfl.dcm",
    ]

    /// Prints the pydicom version and the folder, then for each file its name and the SHA-256 of
    /// `pixel_array` as little-endian int32 (every frame, row by row), or `-` when pydicom cannot
    /// decode it.
    static let script = """
        import hashlib, os, sys, warnings
        warnings.simplefilter("ignore")
        import numpy, pydicom
        folder = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files")
        print(pydicom.__version__, folder)
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not os.path.isfile(path):
                continue
            try:
                array = pydicom.dcmread(path, force=True).pixel_array
                digest = hashlib.sha256(array.astype("<i4").tobytes()).hexdigest()
            except Exception:
                digest = "-"
            print(name, digest)
        """

    struct Reference {
        let version: String
        let folder: String
        let digests: [String: String]
    }

    static func reference() throws -> Reference? {
        guard let python = try ExternalTool.pythonWithPydicom() else { return nil }
        let result = try ExternalTool.run(python, ["-c", script])
        #expect(result.status == 0, "\(result.standardError)")
        var lines = result.standardOutput.split(separator: "\n").map(String.init)
        try #require(!lines.isEmpty, "the pydicom script printed nothing: \(result.standardError)")
        let header = lines.removeFirst().split(separator: " ", maxSplits: 1).map(String.init)
        try #require(header.count == 2, "the pydicom script's first line is not 'VERSION FOLDER': \(header)")
        var digests: [String: String] = [:]
        for line in lines {
            let fields = line.split(separator: " ")
            if fields.count == 2 { digests[String(fields[0])] = String(fields[1]) }
        }
        return Reference(version: header[0], folder: header[1], digests: digests)
    }

    /// Lucid's stored values of every frame as little-endian int32, hashed like the script does.
    static func digest(_ image: DICOMImage) throws(DICOMError) -> String {
        var bytes: [UInt8] = []
        for index in 0..<image.pixel.numberOfFrames {
            for sample in try image.frame(index).pixels {
                let value = Int32(truncatingIfNeeded: image.pixel.encoding.storedValue(ofSample: sample))
                withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
            }
        }
        return SHA256.hex(bytes)
    }

    @Test("decoded files match pydicom's pixel_array; refused files get a DICOMError naming them")
    func everyTestFile() throws {
        guard let reference = try Self.reference() else { return }
        try #require(
            reference.version == "3.0.2",
            Comment(
                rawValue: "pydicom \(reference.version): these expectations are for pydicom 3.0.2's test files; "
                    + "python3 -m pip install pydicom==3.0.2"))
        #expect(reference.digests.count >= 80, "pydicom's test files not found in \(reference.folder)")
        var decoded: Set<String> = []
        for (name, expected) in reference.digests.sorted(by: { $0.key < $1.key }) {
            let path = reference.folder + "/" + name
            do throws(DICOMError) {
                let image = try DICOMImage(path: path)
                let digest = try Self.digest(image)
                decoded.insert(name)
                #expect(digest == expected, "\(name): stored values differ from pydicom's pixel_array")
            } catch {
                #expect(error.description.contains(path), "\(name): the message does not name the file: \(error)")
            }
        }
        #expect(decoded == Self.decodable)
    }
}
