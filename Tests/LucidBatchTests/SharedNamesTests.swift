import LucidBatch
import LucidDeidentify
import LucidFiles
import Testing

/// What the run manifest and the report say of an input with `--deidentify`: a keyed name, never
/// the path, also inside the messages.
@Suite struct SharedNamesTests {
    let names = SharedNames(pseudonymizer: Pseudonymizer(key: Array("shared-names-test-key-0123456789abcdef".utf8)))

    func outcome(of event: BatchEvent) throws -> FileOutcome {
        guard case .finished(let outcome) = event else { throw SharedNamesTestError.notFinished }
        return outcome
    }

    @Test func theManifestsOutcomeNamesNoPathAndTheOperatorsKeepsIt() throws {
        let path = "/data/DOE^JOHN/DOE^JOHN 0001.dcm"
        var failed = FileOutcome(path: path, status: .failed, error: "\(path): held back: Burned In Annotation")
        failed.notes = ["\(path): kept as stated"]
        let named = try outcome(of: names.named(.finished(failed)))
        #expect(named.path == path)
        let name = try #require(named.sharedName)
        #expect(name.hasPrefix("input-") && name.count == 22)
        #expect(named.jsonLine.contains("\"sharedName\":\"\(name)\""))
        let shared = try outcome(of: names.shared(.finished(failed)))
        #expect(shared.path == name)
        #expect(shared.error == "\(name): held back: Burned In Annotation")
        #expect(shared.notes == ["\(name): kept as stated"])
        // The same path and key: the same name; another path: another.
        #expect(try outcome(of: names.shared(.finished(FileOutcome(path: path, status: .ok)))).path == name)
        #expect(try outcome(of: names.shared(.finished(FileOutcome(path: path + "x", status: .ok)))).path != name)
    }

    @Test func aNameThatIsNotUTF8IsWithheldAsDisplayedToo() throws {
        let path = FileSystemName.string(Array("/data/M".utf8) + [0xFC] + Array("LLER.dcm".utf8))
        let displayed = FileSystemName.displayed(path)
        let failed = FileOutcome(path: path, status: .failed, error: "\(displayed): not readable")
        let shared = try outcome(of: names.shared(.finished(failed)))
        #expect(shared.error?.contains("LLER") == false)
    }
}

enum SharedNamesTestError: Error { case notFinished }
