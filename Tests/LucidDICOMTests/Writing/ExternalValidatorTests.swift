import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// Derived images of every decodable corpus file, checked by two independent readers: DCMTK's
/// `dcmdump` (exit 0, no `W:` or `E:` line) and pydicom 3 reading with validation mode RAISE and
/// warnings as errors, whose `pixel_array` must hash to the stored values Lucid wrote.
@Suite struct ExternalValidatorTests {
    @Test("dcmdump reads every derived file without warnings or errors", arguments: DerivedSamples.decodable)
    func dcmdump(name: String) throws {
        let tool = ExternalTool.find("dcmdump")
        guard
            ExternalTool.require(
                tool != nil, tool: "dcmdump (DCMTK)", install: "Install it: apt-get install -y dcmtk."),
            let tool
        else { return }
        let path = try DerivedSamples.temporaryFile(try DerivedSamples.derive(name).bytes, name: "derived.dcm")
        let result = try ExternalTool.run(tool, ["-dc", "+L", path])
        #expect(result.status == 0, "\(name): dcmdump exit \(result.status): \(result.standardError)")
        let problems = (result.standardError + result.standardOutput).split(separator: "\n")
            .filter { $0.hasPrefix("W:") || $0.hasPrefix("E:") }
        #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "\n"))")
        #expect(result.standardOutput.contains("(0008,2111) ST [\(DerivedSamples.recipe)]"))
    }

    static let pydicomScript = """
        import hashlib, sys, warnings
        warnings.simplefilter("error")
        import pydicom
        from pydicom import config
        config.settings.reading_validation_mode = config.RAISE
        ds = pydicom.dcmread(sys.argv[1])
        array = ds.pixel_array
        print(pydicom.__version__, array.dtype, ds.SOPClassUID, hashlib.sha256(array.astype("<" + array.dtype.str[1:]).tobytes()).hexdigest())
        """

    @Test("pydicom reads every derived file strictly and its pixel_array matches", arguments: DerivedSamples.decodable)
    func pydicom(name: String) throws {
        guard let python = try ExternalTool.pythonWithPydicom() else { return }
        let derived = try DerivedSamples.derive(name)
        let path = try DerivedSamples.temporaryFile(derived.bytes, name: "derived.dcm")
        let result = try ExternalTool.run(python, ["-c", Self.pydicomScript, path])
        #expect(result.status == 0, "\(name): pydicom failed: \(result.standardError)")
        let fields = result.standardOutput.split(separator: " ").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let encoding = derived.source.pixel.encoding
        let words = derived.processed.pixels.map { UInt16(truncatingIfNeeded: Int($0) - encoding.offset) }
        let expected = SHA256.hex(words.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(fields.count == 4 && fields[1] == (encoding.isSigned ? "int16" : "uint16"), "\(result.standardOutput)")
        #expect(fields.last == expected, "\(name): pixel_array checksum differs")
    }
}
