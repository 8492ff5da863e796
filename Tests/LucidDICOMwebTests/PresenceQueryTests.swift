import Foundation
import LucidTestSupport
import Testing

@testable import LucidDICOMweb

/// QIDO-RS by a list of SOP Instance UIDs against the Orthanc of `.ci/orthanc`, and the access check.
@Suite struct PresenceQueryTests {
    @Test("a list query finds exactly the stored UIDs among many; individually confirms the same")
    func listMatching() async throws {
        guard let orthanc = OrthancServer.fromEnvironment() else { return }
        let parts = try OrthancIntegrationTests.copiedSamples()
        let client = try orthanc.client()
        _ = try await client.store(parts)
        let stored = parts.compactMap(\.sopInstanceUID)
        let absent = (1...(DICOMwebClient.uidsPerQuery + 3)).map { "1.2.826.0.1.3680043.8.498.1.\($0)" }
        let uids = absent.prefix(20) + stored + absent.dropFirst(20)
        #expect(try await client.presentInstances(Array(uids), individually: false) == Set(stored))
        #expect(try await client.presentInstances(Array(uids), individually: true) == Set(stored))
        #expect(try await client.presentInstances([], individually: true) == [])
    }

    @Test("the access check passes with the credentials, and is a 401 without them or at a wrong root")
    func accessCheck() async throws {
        guard let orthanc = OrthancServer.fromEnvironment() else { return }
        try await orthanc.client().checkAccess()
        let wrong = try orthanc.client(password: "not-the-password")
        await #expect(throws: DICOMwebError.self) { try await wrong.checkAccess() }
        let root = try DICOMwebClient(
            baseURL: orthanc.url.appendingPathComponent("no-such-root"), credentials: orthanc.credentials)
        await #expect {
            try await root.checkAccess()
        } throws: { error in
            guard case .unexpectedStatus(_, let status, _) = error as? DICOMwebError else { return false }
            return status == 404
        }
    }
}
