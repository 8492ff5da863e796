import Foundation
import LucidTestSupport
import Testing

@testable import LucidDICOMweb

/// A server that dies in the middle of a reply leaves libcurl's "transfer closed with N bytes
/// remaining to read", which URLSession on Linux reports as `URLError.unknown`: a failure that
/// may pass, not a configuration error.
@Suite struct TruncatedResponseTests {
    static let policy = RetryPolicy(maxAttempts: 3, initialDelay: 0.01, maxDelay: 0.02, maxTotalDelay: 1)
    static let match = #"[{"00080018":{"vr":"UI","Value":["1.2.3"]}}]"#

    static func client(port: UInt16) throws -> DICOMwebClient {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/dicom-web"))
        return try DICOMwebClient(
            baseURL: url, credentials: nil, retryPolicy: policy, limits: RequestLimits(idleTimeout: 10))
    }

    @Test("a reply cut short is retried, and the next full reply is read")
    func truncatedReplyIsRetried() async throws {
        let server = try ScriptedHTTPServer(replies: [
            ScriptedHTTPServer.reply(body: "[{", declaredLength: 200),
            ScriptedHTTPServer.reply(body: Self.match),
        ])
        defer { server.stop() }
        let found = try await Self.client(port: server.port).findInstances(sopInstanceUID: "1.2.3")
        #expect(found.map(\.sopInstanceUID) == ["1.2.3"])
        #expect(server.connectionsServed == 2)
    }

    @Test("replies always cut short exhaust the retries and name the URL and libcurl's reason")
    func truncatedRepliesExhaustTheRetries() async throws {
        let server = try ScriptedHTTPServer(replies: [ScriptedHTTPServer.reply(body: "[{", declaredLength: 200)])
        defer { server.stop() }
        let client = try Self.client(port: server.port)
        await #expect {
            _ = try await client.findInstances(sopInstanceUID: "1.2.3")
        } throws: { error in
            guard case .retriesExhausted(let url, let attempts, let reason) = error as? DICOMwebError else {
                return false
            }
            return attempts == 3 && url == "http://127.0.0.1:\(server.port)/dicom-web/instances?SOPInstanceUID=1.2.3"
                && reason.contains("transfer closed") && reason.contains("URLError -1")
        }
        #expect(server.connectionsServed == 3)
    }

    @Test("an unknown failure naming TLS or a certificate is a configuration error, not retried")
    func tlsFailuresAreNotRetried() {
        let url = "https://pacs.example/dicom-web"
        let certificate = URLError(.unknown, userInfo: [NSLocalizedDescriptionKey: "SSL certificate problem"])
        #expect(!DICOMwebClient.classify(certificate, url: url).isRetryable)
        #expect(DICOMwebClient.classify(certificate, url: url).isTLSFailure)
        let cut = URLError(.unknown, userInfo: [NSLocalizedDescriptionKey: "transfer closed with 22 bytes remaining"])
        #expect(DICOMwebClient.classify(cut, url: url).isRetryable)
        #expect(!DICOMwebClient.classify(URLError(.unsupportedURL), url: url).isRetryable)
    }
}
