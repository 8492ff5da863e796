import Foundation
import LucidTestSupport
import Testing

/// Every file `lucid deidentify` writes from both sample sets, read by DCMTK's `dcmdump` without
/// error and checked by dicom3tools' `dciodvfy`: no error that its original lacks. Error lines are
/// compared with module names and UID values left out (every instance UID is replaced). When
/// dciodvfy cannot read the original (the deflated file), the output's errors must be among those
/// the original's attributes explain: Laterality, Type 2C, which the original lacks too.
@Suite struct DeidentifyConformanceTests {
    static func errors(_ tool: String, _ path: String) throws -> Set<String> {
        let result = try ExternalTool.run(tool, [path])
        var found: Set<String> = []
        for line in (result.standardOutput + "\n" + result.standardError).split(separator: "\n") {
            guard line.hasPrefix("Error") else { continue }
            found.insert(
                String(line).replacingOccurrences(of: #" Module=<[^>]*>"#, with: "", options: .regularExpression)
                    .replacingOccurrences(of: #"[0-9]+(\.[0-9]+){2,}"#, with: "UID", options: .regularExpression))
        }
        return found
    }

    /// The Basic Profile alone, and with every option Lucid implements.
    static let optionSets: [[String]] = [
        [],
        [
            "retain-longitudinal-modified-dates", "retain-patient-characteristics", "retain-device-identity",
            "retain-institution-identity", "retain-safe-private", "clean-structured-content",
        ],
    ]

    @Test(arguments: optionSets) func outputsAreReadableAndAddNoIODError(options: [String]) throws {
        let dciodvfy = ExternalTool.find("dciodvfy"), dcmdump = ExternalTool.find("dcmdump")
        guard
            ExternalTool.require(
                dciodvfy != nil, tool: "dciodvfy (dicom3tools)", install: "Install it: apt-get install -y dicom3tools."),
            ExternalTool.require(
                dcmdump != nil, tool: "dcmdump (DCMTK)", install: "Install it: apt-get install -y dcmtk."),
            let dciodvfy, let dcmdump
        else { return }
        let (folder, key) = try DeidentifyCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let doses = SampleCorpus.packageRoot + "/../shared/dose-samples"
        let run = try LucidBinary.run(
            [
                "deidentify", SampleCorpus.directory, doses, "--out", folder + "/out", "--key-file", key, "--json",
                "--assume-no-burned-in",
            ] + options.flatMap { ["--option", $0] })
        var checked = 0
        for line in try DeidentifyCommandTests.jsonLines(run.outputText) {
            guard let input = line["path"] as? String, let output = line["output"] as? String else { continue }
            let dump = try ExternalTool.run(dcmdump, ["-q", output])
            #expect(dump.status == 0 && dump.standardError.isEmpty, "\(output): \(dump.standardError)")
            let original = try Self.errors(dciodvfy, input)
            let added = try Self.errors(dciodvfy, output)
            if original.contains(where: { $0.contains("read failed") }) {
                let explained = "Error - Missing attribute Type 2C Conditional Element=<Laterality>"
                #expect(added.subtracting([explained]).isEmpty, "\(input) -> \(output): \(added.sorted())")
            } else {
                let new = added.subtracting(original)
                #expect(new.isEmpty, "\(input) -> \(output):\n\(new.sorted().joined(separator: "\n"))")
            }
            checked += 1
        }
        #expect(checked >= 50, "outputs checked: \(checked)")
    }
}
