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
    /// The files pydicom decodes that Lucid refuses, with the reason.
    static let refused: [String: String] = [:]

    /// Prints the pydicom version and the folder, then for each file its name and the SHA-256 of
    /// its stored values (`pixel_array(raw=True)`: no colour conversion, palette indices kept) as
    /// little-endian int32 (every frame, row by row, samples interleaved), or `-` when pydicom
    /// cannot decode it. The values of lossy files go to `NAME.raw` in the folder given as argument.
    static let script = """
        import hashlib, os, sys, warnings
        warnings.simplefilter("ignore")
        import numpy, pydicom
        lossy = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.91"}
        folder = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files")
        print(pydicom.__version__, folder)
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not os.path.isfile(path):
                continue
            try:
                dataset = pydicom.dcmread(path, force=True)
                values = pydicom.pixels.pixel_array(dataset, raw=True).astype("<i4").tobytes()
                digest = hashlib.sha256(values).hexdigest()
                if str(getattr(dataset.get("file_meta", {}), "TransferSyntaxUID", "")) in lossy:
                    with open(os.path.join(sys.argv[1], name + ".raw"), "wb") as out:
                        out.write(values)
            except Exception:
                digest = "-"
            print(name, digest)
        """

    struct Reference {
        let version: String
        let folder: String
        let digests: [String: String]
    }

    static let lossyFolder = NSTemporaryDirectory() + "lucid-pydicom-lossy-\(getpid())"

    static func reference() throws -> Reference? {
        try FileManager.default.createDirectory(atPath: lossyFolder, withIntermediateDirectories: true)
        guard let python = try ExternalTool.pythonWithPydicom() else { return nil }
        let result = try ExternalTool.run(python, ["-c", script, lossyFolder])
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
    static func digest(_ image: DICOMImage) throws(DICOMError) -> String { SHA256.hex(try values(image)) }

    static func values(_ image: DICOMImage) throws(DICOMError) -> [UInt8] {
        var bytes: [UInt8] = []
        for index in 0..<image.pixel.numberOfFrames {
            let frame = try image.storedFrame(index)
            for sample in 0..<frame.samples.count {
                let value = Int32(truncatingIfNeeded: frame.storedValue(at: sample))
                withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
            }
        }
        return bytes
    }

    /// For a lossy file: the largest and the mean absolute difference from pydicom's values.
    static func lossyDifference(_ image: DICOMImage, name: String) throws(DICOMError) -> (maximum: Int, mean: Double)? {
        guard let reference = FileManager.default.contents(atPath: lossyFolder + "/" + name + ".raw") else {
            return nil
        }
        let ours = try values(image)
        guard ours.count == reference.count else { return (Int.max, .infinity) }
        var maximum = 0, total = 0
        for offset in stride(from: 0, to: ours.count, by: 4) {
            func value(_ bytes: some Collection<UInt8>) -> Int {
                let start = bytes.index(bytes.startIndex, offsetBy: offset)
                var pattern: UInt32 = 0
                for byte in 0..<4 { pattern |= UInt32(bytes[bytes.index(start, offsetBy: byte)]) << (8 * byte) }
                return Int(Int32(bitPattern: pattern))
            }
            let difference = abs(value(ours) - value(reference))
            maximum = max(maximum, difference)
            total += difference
        }
        return (maximum, Double(total) / Double(ours.count / 4))
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
        var refused: [String: String] = [:]
        for (name, expected) in reference.digests.sorted(by: { $0.key < $1.key }) {
            let path = reference.folder + "/" + name
            do throws(DICOMError) {
                let image = try DICOMImage(path: path)
                let digest = try Self.digest(image)
                if digest != expected, let difference = try Self.lossyDifference(image, name: name) {
                    let tolerance = StoredFrameBytes.lossyTolerance(bitsStored: image.pixel.bitsStored)
                    #expect(
                        difference.maximum <= tolerance && difference.mean < 0.5,
                        "\(name): lossy values differ from pydicom's by \(difference), more than \(tolerance)")
                } else {
                    #expect(digest == expected, "\(name): stored values differ from pydicom's pixel_array")
                }
            } catch {
                #expect(error.description.contains(path), "\(name): the message does not name the file: \(error)")
                if expected != "-" { refused[name] = error.description }
            }
        }
        #expect(Set(refused.keys) == Set(Self.refused.keys), "files pydicom decodes but Lucid refuses: \(refused)")
    }
}
