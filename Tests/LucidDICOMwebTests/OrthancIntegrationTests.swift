import Foundation
import LucidTestSupport
import Testing

@testable import LucidDICOMweb

/// STOW-RS and QIDO-RS against the Orthanc that `.ci/orthanc` starts (see `OrthancServer`).
@Suite struct OrthancIntegrationTests {
    static let sampleNames = ["ct_nema_ct1_evrle.dcm", "mr_small_evrle.dcm"]

    /// The two corpus files, copied into a fresh folder so the upload reads what the test owns.
    static func copiedSamples() throws -> [DICOMwebPart] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lucid-stow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try sampleNames.map { name in
            let copy = folder.appendingPathComponent(name)
            try FileManager.default.copyItem(at: URL(fileURLWithPath: SampleCorpus.path(name)), to: copy)
            return try DICOMwebPart(path: copy.path)
        }
    }

    @Test func twoFilesInOneRequestAreStoredFoundAndByteIdentical() async throws {
        guard let orthanc = OrthancServer.fromEnvironment() else { return }
        let parts = try Self.copiedSamples()
        let uids = try parts.map { try #require($0.sopInstanceUID) }
        let report = try await orthanc.client().store(parts)
        #expect(report.rejected == [])
        #expect(report.stored.map(\.sopInstanceUID) == uids)
        #expect(report.stored.map(\.file) == parts.map(\.name))
        for (part, uid) in zip(parts, uids) {
            let matches = try await orthanc.client().findInstances(sopInstanceUID: uid)
            #expect(matches.map(\.sopInstanceUID) == [uid], "QIDO-RS for \(part.name)")
            let id = try #require(try await orthanc.instanceID(sopInstanceUID: uid), "lookup of \(part.name)")
            let stored = try await orthanc.file(instanceID: id)
            #expect(stored == part.bytes, "GET /instances/\(id)/file differs from \(part.name)")
        }
    }

    @Test func uploadingTheSameInstancesAgainIsHarmless() async throws {
        guard let orthanc = OrthancServer.fromEnvironment() else { return }
        let parts = try Self.copiedSamples()
        let client = try orthanc.client()
        _ = try await client.store(parts)
        let countAfterFirst = try await orthanc.instanceCount()
        let second = try await client.store(parts)
        #expect(second.rejected == [])
        #expect(second.stored.count == 2)
        #expect(try await orthanc.instanceCount() == countAfterFirst)
        for part in parts {
            let uid = try #require(part.sopInstanceUID)
            #expect(try await client.findInstances(sopInstanceUID: uid).count == 1)
            let id = try #require(try await orthanc.instanceID(sopInstanceUID: uid))
            #expect(try await orthanc.file(instanceID: id) == part.bytes)
        }
    }

    @Test func wrongPasswordIsAnAuthenticationError() async throws {
        guard let orthanc = OrthancServer.fromEnvironment() else { return }
        let parts = try Self.copiedSamples()
        let client = try orthanc.client(password: "not-the-password")
        let url = orthanc.dicomWebURL.appendingPathComponent("studies").absoluteString
        await #expect(throws: DICOMwebError.authenticationFailed(url: url, user: orthanc.credentials.user)) {
            _ = try await client.store(parts)
        }
        let qido = orthanc.dicomWebURL.absoluteString + "/instances?SOPInstanceUID=1.2.3"
        await #expect(throws: DICOMwebError.authenticationFailed(url: qido, user: orthanc.credentials.user)) {
            _ = try await client.findInstances(sopInstanceUID: "1.2.3")
        }
    }

    @Test func aNonDICOMPartIsRejectedByNameAndTheGoodOneStored() async throws {
        guard let orthanc = OrthancServer.fromEnvironment() else { return }
        let good = try Self.copiedSamples()[1]
        let bad = DICOMwebPart(name: "notes/readme.txt", bytes: Data("this is not a DICOM file\n".utf8))
        let report = try await orthanc.client(retryPolicy: .none).store([good, bad])
        #expect(report.stored.map(\.file) == [good.name])
        #expect(
            report.rejected == [
                .rejected(
                    file: "notes/readme.txt", status: 400,
                    reason: "not a readable DICOM Part 10 file; the server stored nothing for it")
            ])
        let message = try #require(report.rejected.first).description
        #expect(message.hasPrefix("notes/readme.txt: rejected by the PACS (HTTP 400)"))
        let uid = try #require(good.sopInstanceUID)
        #expect(try await orthanc.client().findInstances(sopInstanceUID: uid).count == 1)
    }
}
