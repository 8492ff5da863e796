import Foundation
import LucidTestSupport
import Testing

/// `lucid archive ls --patient ID` for a Patient ID the archive does not hold.
@Suite struct ArchiveListCommandTests {
    @Test("--patient nobody: exit 1, the Patient ID named on standard error, nothing listed ([] with --json)")
    func absentPatient() throws {
        let fixture = try VerifyTrustTests.processed()
        let text = try LucidBinary.run(["archive", "ls", fixture.archive, "--patient", "nobody"])
        #expect(text.status == 1)
        #expect(
            text.standardError == "lucid: \(fixture.archive): no patient with Patient ID \"nobody\"\n",
            "\(text.standardError)")
        #expect(text.standardOutput.isEmpty, "\(text.outputText)")

        let json = try LucidBinary.run(["archive", "ls", fixture.archive, "--patient", "nobody", "--json"])
        #expect(json.status == 1)
        #expect(json.standardError.contains("no patient with Patient ID \"nobody\""), "\(json.standardError)")
        #expect(json.outputText == "[]\n")

        let hostile = try LucidBinary.run(["archive", "ls", fixture.archive, "--patient", "no\u{1B}[31mbody"])
        #expect(hostile.status == 1)
        #expect(
            hostile.standardError.contains("no patient with Patient ID \"no\\x1b[31mbody\""), "\(hostile.standardError)"
        )
        #expect(!hostile.standardError.utf8.contains(0x1B), "the ID is shown escaped")

        let present = try LucidBinary.run(["archive", "ls", fixture.archive, "--patient", "2178309"])
        #expect(present.status == 0, "\(present.standardError)")
        #expect(present.outputText.contains("patient 2178309"), "\(present.outputText)")
    }
}
