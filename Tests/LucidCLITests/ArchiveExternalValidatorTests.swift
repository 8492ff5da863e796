import Foundation
import LucidTestSupport
import Testing

/// The derived DICOM files that `lucid process --archive` files are read by DCMTK's `dcmdump`
/// (exit 0, no `W:`/`E:` line) and by pydicom with validation mode RAISE and warnings as errors.
/// A missing tool fails the test (it is installed by `.ci/run`).
@Suite struct ArchiveExternalValidatorTests {
    /// Archives the fixture's good files and returns the derived DICOM paths.
    static func derivedFiles() throws -> [String] {
        let fixture = try ArchiveFixture(bad: false)
        let (result, _) = try fixture.process()
        #expect(result.status == 0, "\(result.standardError)")
        let enumerator = FileManager.default.enumerator(atPath: fixture.archive)
        var paths: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".derived.dcm") { paths.append(fixture.archive + "/" + relative) }
        }
        return paths.sorted()
    }

    @Test("dcmdump and pydicom read every archived derived DICOM without warnings")
    func validators() throws {
        let paths = try Self.derivedFiles()
        #expect(paths.count >= 6)
        let dcmdump = ExternalTool.find("dcmdump")
        if ExternalTool.require(dcmdump != nil, tool: "dcmdump (DCMTK)", install: "apt-get install -y dcmtk"),
            let dcmdump
        {
            for path in paths {
                let result = try ExternalTool.run(dcmdump, ["-dc", "+L", path])
                let problems = (result.standardError + result.standardOutput).split(separator: "\n")
                    .filter { $0.hasPrefix("W:") || $0.hasPrefix("E:") }
                #expect(result.status == 0 && problems.isEmpty, "\(path): \(problems.joined(separator: "\n"))")
                #expect(result.standardOutput.contains("(0008,2111) ST [steps "), "\(path): no Derivation Description")
            }
        }
        let script = """
            import sys, warnings
            warnings.simplefilter("error")
            import pydicom
            from pydicom import config
            config.settings.reading_validation_mode = config.RAISE
            for path in sys.argv[1:]:
                ds = pydicom.dcmread(path)
                assert ds.pixel_array.shape == (ds.Rows, ds.Columns), path
                assert "DERIVED" in ds.ImageType, path
                assert ds.SourceImageSequence[0].ReferencedSOPInstanceUID, path
            print(len(sys.argv) - 1)
            """
        if let python = try ExternalTool.pythonWithPydicom() {
            let result = try ExternalTool.run(python, ["-c", script] + paths)
            #expect(result.status == 0, "pydicom: \(result.standardError)")
            #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == String(paths.count))
        }
    }
}
