import Foundation
import Testing

@testable import LucidDICOMweb

@Suite struct RetryAndResponseTests {
    @Test func backoffDoublesAndIsBoundedByCountAndTotalTime() {
        let policy = RetryPolicy(maxAttempts: 5, initialDelay: 0.5, maxDelay: 1.5, maxTotalDelay: 3)
        #expect(policy.delay(afterAttempt: 1, waitedSoFar: 0) == 0.5)
        #expect(policy.delay(afterAttempt: 2, waitedSoFar: 0.5) == 1.0)
        #expect(policy.delay(afterAttempt: 3, waitedSoFar: 1.5) == 1.5)
        #expect(policy.delay(afterAttempt: 4, waitedSoFar: 3.0) == nil)
        #expect(policy.delay(afterAttempt: 5, waitedSoFar: 0) == nil)
        #expect(RetryPolicy.none.delay(afterAttempt: 1, waitedSoFar: 0) == nil)
    }

    @Test func stowReplyListsStoredAndFailedInstances() throws {
        let json = """
            {"00081190":{"vr":"UR","Value":["http://x/studies/1"]},
             "00081198":{"vr":"SQ","Value":[{"00081150":{"vr":"UI","Value":["1.2"]},
                                             "00081155":{"vr":"UI","Value":["9.9"]},
                                             "00081197":{"vr":"US","Value":[272]}}]},
             "00081199":{"vr":"SQ","Value":[{"00081150":{"vr":"UI","Value":["1.2"]},
                                             "00081155":{"vr":"UI","Value":["1.2.3"]}}]}}
            """
        let reply = try STOWResponse.parse(json: Data(json.utf8), url: "u")
        #expect(reply.storedSOPInstanceUIDs == ["1.2.3"])
        #expect(reply.failures == [STOWResponse.Failure(sopInstanceUID: "9.9", reasonCode: 272)])
        #expect(try STOWResponse.parse(json: Data(#"{"00081198":{"vr":"SQ"}}"#.utf8), url: "u") == STOWResponse())
        #expect(throws: DICOMwebError.self) { try STOWResponse.parse(json: Data("<xml/>".utf8), url: "u") }
    }

    @Test func qidoReplyGivesTheUIDsOfEachMatch() throws {
        let json = """
            [{"0020000D":{"vr":"UI","Value":["1"]},"0020000E":{"vr":"UI","Value":["1.1"]},
              "00080018":{"vr":"UI","Value":["1.1.1"]}}]
            """
        #expect(
            try QIDOInstance.parse(json: Data(json.utf8), url: "u")
                == [QIDOInstance(studyInstanceUID: "1", seriesInstanceUID: "1.1", sopInstanceUID: "1.1.1")])
        #expect(try QIDOInstance.parse(json: Data("[]".utf8), url: "u") == [])
    }

    @Test func connectionRefusedIsRetriedThenReported() async throws {
        let url = try #require(URL(string: "http://127.0.0.1:1/dicom-web"))
        let policy = RetryPolicy(maxAttempts: 3, initialDelay: 0.01, maxDelay: 0.02, maxTotalDelay: 1)
        let client = try DICOMwebClient(
            baseURL: url, credentials: nil, retryPolicy: policy, limits: RequestLimits(idleTimeout: 5))
        await #expect {
            _ = try await client.findInstances(sopInstanceUID: "1.2.3")
        } throws: { error in
            guard case .retriesExhausted(let failedURL, let attempts, _) = error as? DICOMwebError else { return false }
            return attempts == 3 && failedURL == "http://127.0.0.1:1/dicom-web/instances?SOPInstanceUID=1.2.3"
        }
    }

    @Test func unreadableDICOMPartIsRejectedByName() {
        let parts = [DICOMwebPart(name: "notes.txt", bytes: Data("text".utf8))]
        let report = STOWReport(parts: parts, reply: STOWResponse(), status: 400, serverMessage: "")
        #expect(report.stored == [])
        #expect(
            report.rejected == [
                .rejected(
                    file: "notes.txt", status: 400,
                    reason: "not a readable DICOM Part 10 file; the server stored nothing for it")
            ])
    }
}
