import Foundation
import LucidArchive
import LucidDICOM
import LucidTestSupport
import Testing

/// `lucid verify` never follows a symbolic link below the archive root, keeps names that are not
/// UTF-8, and neither it nor `lucid archive ls` prints a control character raw.
@Suite struct VerifyLinkTests {
    @Test("a patient folder replaced by a link to a folder outside, and a file replaced by a link: not clean")
    func plantedLinks() throws {
        let fixture = try VerifyTrustTests.processed()
        let recorded = try VerifyTrustTests.recorded(fixture.archive)
        let file = try #require(recorded.first { $0.role == .derived })
        let patient = String(try #require(file.path.split(separator: "/").first))
        let outside = fixture.base.folder + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: fixture.archive + "/" + patient, toPath: outside + "/" + patient)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.archive + "/" + patient, withDestinationPath: outside + "/" + patient)
        let other = try #require(recorded.first { $0.role == .rendition && !$0.path.hasPrefix(patient + "/") })
        try FileManager.default.moveItem(atPath: fixture.archive + "/" + other.path, toPath: outside + "/copy.png")
        try FileManager.default.createSymbolicLink(
            atPath: fixture.archive + "/" + other.path, withDestinationPath: outside + "/copy.png")

        let verify = try LucidBinary.run(["verify", fixture.archive])
        #expect(verify.status == 1, "\(verify.outputText)\(verify.standardError)")
        let lines = verify.outputText.split(separator: "\n").map(String.init)
        #expect(lines.contains("link: \(patient) -> \(outside)/\(patient) (not followed)"), "\(lines)")
        #expect(lines.contains("link: \(other.path) -> \(outside)/copy.png (not followed)"), "\(lines)")
        #expect(lines.contains("altered: \(file.path) (\(patient)/ is a symbolic link, not followed)"), "\(lines)")
        #expect(lines.contains("altered: \(other.path) (a symbolic link, not followed)"), "\(lines)")
        let json = try LucidBinary.run(["verify", fixture.archive, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        #expect(report["ok"] as? Bool == false)
        #expect((report["links"] as? [[String: Any]])?.count == 2)
    }

    @Test("a name that is not UTF-8 and a name with an escape sequence are reported escaped")
    func oddNames() throws {
        let fixture = try VerifyTrustTests.processed()
        let latin: [CChar] = (Array((fixture.archive + "/latin").utf8) + [0xE9] + Array(".dcm".utf8) + [0]).map {
            CChar(bitPattern: $0)
        }
        let descriptor = open(latin, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        #expect(FileManager.default.createFile(atPath: fixture.archive + "/evil\u{1B}[2J.txt", contents: Data([1])))
        let verify = try LucidBinary.run(["verify", fixture.archive])
        #expect(verify.status == 1)
        #expect(!verify.standardOutput.contains(0x1B), "no raw escape: \(verify.outputText)")
        #expect(verify.outputText.contains("unindexed: latin\\xe9.dcm"), "\(verify.outputText)")
        #expect(verify.outputText.contains("unindexed: evil\\x1b[2J.txt"), "\(verify.outputText)")
        let json = try LucidBinary.run(["verify", fixture.archive, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        #expect((report["unindexed"] as? [String])?.contains("evil\u{1B}[2J.txt") == true)
    }

    @Test("ls shows a Patient ID holding an escape sequence escaped, and --patient matches it exactly")
    func escapedListing() throws {
        let fixture = try ArchiveFixture(bad: false)
        let hostile = "\u{1B}[31mRED\u{1B}[0m"
        try fixture.write(patientID: hostile, sopInstanceUID: DICOMUID.generate(), to: "hostile/red.dcm")
        #expect(try fixture.process(["--steps", "window:file"]).0.status == 0)
        let listing = try LucidBinary.run(["archive", "ls", fixture.archive])
        #expect(listing.status == 0, "\(listing.standardError)")
        #expect(!listing.standardOutput.contains(0x1B), "no raw escape: \(listing.outputText)")
        #expect(listing.outputText.contains("patient \\x1b[31mRED\\x1b[0m"), "\(listing.outputText)")
        let one = try LucidBinary.run(["archive", "ls", fixture.archive, "--patient", hostile, "--json"])
        #expect(one.status == 0, "\(one.standardError)")
        let patients = try JSONSerialization.jsonObject(with: one.standardOutput) as? [[String: Any]]
        #expect(patients?.map { $0["patientID"] as? String } == [hostile])
        let near = try LucidBinary.run(["archive", "ls", fixture.archive, "--patient", "[31mRED"])
        #expect(near.status == 1, "only the exact Patient ID matches")
    }
}
