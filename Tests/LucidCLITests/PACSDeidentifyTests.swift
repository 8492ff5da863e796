import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// `lucid process --deidentify --archive dicomweb+http://…`: the PACS gets the de-identified
/// instance and its derived image, never the input's bytes or UIDs.
@Suite struct PACSDeidentifyTests {
    @Test func thePACSGetsTheDeidentifiedInstanceOnly() throws {
        guard let orthanc = OrthancREST.fromEnvironment() else { return }
        let fixture = try PACSFixture(count: 1)
        let (folder, key) = try DeidentifyCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = fixture.input + "/01.dcm"
        let run = try fixture.run(
            ["process", input, "--archive", orthanc.target, "--deidentify", "--key-file", key, "--json"],
            environment: orthanc.credentials)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            PACSFixture.summary(run)?["pacs"] as? [String: Int] == ["uploaded": 2, "alreadyPresent": 0, "failed": 0])
        #expect(try orthanc.instanceID(sopInstanceUID: fixture.sourceUIDs[0]) == nil)
        let shared = folder + "/shared"
        let deidentify = try LucidBinary.run(["deidentify", input, "--out", shared, "--key-file", key])
        #expect(deidentify.status == 0, "\(deidentify.standardError)")
        let written = try #require(DeidentifyCommandTests.files(below: shared).first)
        let expected = try #require(FileManager.default.contents(atPath: shared + "/" + written))
        let uid = try #require(try DICOMFile.read(path: shared + "/" + written).dataSet.string(.sopInstanceUID))
        let id = try #require(
            try orthanc.instanceID(sopInstanceUID: uid), "the de-identified instance is not in Orthanc")
        #expect(try orthanc.file(instanceID: id) == expected)
    }
}
