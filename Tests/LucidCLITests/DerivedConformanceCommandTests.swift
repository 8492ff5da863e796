import Foundation
import LucidTestSupport
import Testing

/// Every derived DICOM that `lucid process --archive` makes from both sample sets, checked by
/// dicom3tools' `dciodvfy` against the IOD it claims: no error that its original lacks.
///
/// dciodvfy's `Error` lines are compared after two normalisations: the module name is dropped (a
/// re-classed Secondary Capture reports an attribute under another module than its CT or MR
/// original), and so is the attribute that holds an ill-rooted UID (the derived image carries the
/// original's SOP Instance UID as Referenced SOP Instance UID, so the original's error about that
/// value moves to another attribute). When dciodvfy cannot read the original at all (a deflated
/// file), the derived image must have no error. A missing dciodvfy fails the test (`.ci/run`
/// installs dicom3tools).
@Suite struct DerivedConformanceCommandTests {
    static func errors(_ tool: String, _ path: String) throws -> Set<String> {
        let result = try ExternalTool.run(tool, [path])
        var found: Set<String> = []
        for line in (result.standardOutput + "\n" + result.standardError).split(separator: "\n") {
            guard line.hasPrefix("Error") else { continue }
            var text = String(line).replacingOccurrences(
                of: #" Module=<[^>]*>"#, with: "", options: .regularExpression)
            if text.hasPrefix("Error - Illegal root for UID") {
                text = text.replacingOccurrences(of: #" in \(0x.*$"#, with: "", options: .regularExpression)
            }
            found.insert(text)
        }
        return found
    }

    @Test("dciodvfy finds no error in a derived file that its original lacks, over both sample sets")
    func noNewErrors() throws {
        let tool = ExternalTool.find("dciodvfy")
        guard
            ExternalTool.require(
                tool != nil, tool: "dciodvfy (dicom3tools)", install: "Install it: apt-get install -y dicom3tools."),
            let tool
        else { return }
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("lucid-dciodvfy-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: archive) }
        let run = try LucidBinary.run([
            "process", SampleCorpus.directory, SampleCorpus.codecsDirectory, "--archive", archive, "--json",
        ])
        var pairs: [(source: String, derived: String)] = []
        for line in run.outputText.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let source = object["path"] as? String, let outputs = object["outputs"] as? [String]
            else { continue }
            pairs += outputs.filter { $0.hasSuffix(".derived.dcm") }.map { (source, $0) }
        }
        #expect(pairs.count >= 60, "derived files made: \(pairs.count)")
        var checked = 0
        for (source, derived) in pairs {
            let original = try Self.errors(tool, source)
            let added = try Self.errors(tool, derived)
                .subtracting(original.contains { $0.contains("read failed") } ? [] : original)
            #expect(added.isEmpty, "\(source) -> \(derived):\n\(added.sorted().joined(separator: "\n"))")
            checked += 1
        }
        #expect(checked == pairs.count)
    }
}
