import Dispatch
import Foundation
import LucidTestSupport
import Testing

@testable import LucidDICOMweb

/// The bounds of one request: a reply is read only up to its size limit, an attempt ends at its
/// deadline however steadily a server trickles, and `cancel()` or the task's cancellation gives up
/// a request at once, also between retries.
@Suite struct RequestBoundsTests {
    static let query = "/dicom-web/instances?SOPInstanceUID=1.2.3"

    static func client(
        port: UInt16, retryPolicy: RetryPolicy = .none, limits: RequestLimits
    ) throws -> DICOMwebClient {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/dicom-web"))
        return try DICOMwebClient(baseURL: url, credentials: nil, retryPolicy: retryPolicy, limits: limits)
    }

    /// Seconds since `start`.
    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// The access check in a task of its own, ending with its error, or nil when it passed.
    /// Starts an access check and waits for its connection to reach `server`: at most 600 s, since
    /// the task that sends it runs on the test run's shared pool of two threads, which tests waiting
    /// on child processes can hold for minutes.
    static func connectedAccessCheck(_ client: DICOMwebClient, _ server: ScriptedHTTPServer) async throws
        -> Task<DICOMwebError?, Never>
    {
        let start = DispatchTime.now()
        let waiting = checkingAccess(client)
        while server.connectionsServed == 0 && seconds(since: start) < 600 {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(server.connectionsServed == 1, "the access check reached the server")
        return waiting
    }

    static func checkingAccess(_ client: DICOMwebClient) -> Task<DICOMwebError?, Never> {
        Task {
            do throws(DICOMwebError) {
                try await client.checkAccess()
                return nil
            } catch {
                return error
            }
        }
    }

    /// A reply of 64 KiB chunks, 2 ms apart (a fast LAN's pace, at most 32 MB/s), endless for the
    /// client's purposes (up to 1 GiB), with or without a Content-Length.
    static func endless(declaredLength: Int?) -> ScriptedHTTPServer.Reply {
        .stream(
            head: ScriptedHTTPServer.head(declaredLength: declaredLength), chunk: Data(repeating: 0x20, count: 65_536),
            count: 16_384, interval: 0.002)
    }

    /// Waits up to 60 s for the client to close the connection of a streamed or silent reply;
    /// true when it did.
    static func closedByClient(_ server: ScriptedHTTPServer) async throws -> Bool {
        let start = DispatchTime.now()
        while server.repliesClosedByClient == 0 && seconds(since: start) < 60 {
            try await Task.sleep(for: .milliseconds(20))
        }
        return server.repliesClosedByClient == 1
    }

    @Test("a reply without end is refused after the limit and the connection closed, long before the whole body")
    func endlessReplyIsRefused() async throws {
        let server = try ScriptedHTTPServer(script: [Self.endless(declaredLength: nil)])
        defer { server.stop() }
        let client = try Self.client(
            port: server.port, retryPolicy: RetryPolicy(maxAttempts: 3, initialDelay: 0.01),
            limits: RequestLimits(maximumReplyBytes: 1 << 20))
        await #expect(
            throws: DICOMwebError.replyTooLarge(url: "http://127.0.0.1:\(server.port)" + Self.query, limit: 1 << 20)
        ) {
            _ = try await client.findInstances(sopInstanceUID: "1.2.3")
        }
        #expect(try await Self.closedByClient(server))
        #expect(server.connectionsServed == 1, "a reply too large is not asked for again")
        #expect(server.bytesStreamed < 256 << 20, "\(server.bytesStreamed) of 1 GiB were streamed")
    }

    @Test("a Content-Length past the limit is refused, the connection closed")
    func declaredLengthPastTheLimitIsRefused() async throws {
        let server = try ScriptedHTTPServer(script: [Self.endless(declaredLength: 6 << 30)])
        defer { server.stop() }
        let client = try Self.client(port: server.port, limits: RequestLimits())
        await #expect(
            throws: DICOMwebError.replyTooLarge(
                url: "http://127.0.0.1:\(server.port)/dicom-web/studies?limit=1", limit: 4 << 20)
        ) {
            try await client.checkAccess()
        }
        #expect(try await Self.closedByClient(server))
        #expect(server.bytesStreamed < 256 << 20, "\(server.bytesStreamed) of 1 GiB were streamed")
        let message = "\(DICOMwebError.replyTooLarge(url: "u", limit: 4 << 20))"
        #expect(
            message
                == "u: the reply passed 4 MiB (4194304 bytes), the most read from a PACS reply; reading stopped there")
    }

    @Test("a reply at the limit exactly is read")
    func replyAtTheLimitIsRead() async throws {
        let body = #"[{"00080018":{"vr":"UI","Value":["1.2.3"]}}]"#
        let server = try ScriptedHTTPServer(replies: [ScriptedHTTPServer.reply(body: body)])
        defer { server.stop() }
        let client = try Self.client(port: server.port, limits: RequestLimits(maximumReplyBytes: body.utf8.count))
        #expect(try await client.findInstances(sopInstanceUID: "1.2.3").map(\.sopInstanceUID) == ["1.2.3"])
    }

    @Test("a server trickling a byte every 0.2 s is given up at the deadline, without a retry")
    func tricklingServerHitsTheDeadline() async throws {
        let server = try ScriptedHTTPServer(script: [
            .stream(
                head: ScriptedHTTPServer.head(declaredLength: 10_000), chunk: Data(" ".utf8), count: 10_000,
                interval: 0.2)
        ])
        defer { server.stop() }
        let client = try Self.client(
            port: server.port, retryPolicy: RetryPolicy(maxAttempts: 5, initialDelay: 0.01),
            limits: RequestLimits(idleTimeout: 5, deadline: 1.5))
        await #expect(
            throws: DICOMwebError.deadlineExceeded(url: "http://127.0.0.1:\(server.port)" + Self.query, seconds: 1.5)
        ) {
            _ = try await client.findInstances(sopInstanceUID: "1.2.3")
        }
        // The server's own pace is the clock: about 8 bytes had gone at the deadline, of 10,000.
        #expect(try await Self.closedByClient(server))
        #expect(server.bytesStreamed < 1_000, "\(server.bytesStreamed) bytes were trickled")
        #expect(server.connectionsServed == 1)
        #expect(
            "\(DICOMwebError.deadlineExceeded(url: "u", seconds: 1.5))"
                == "u: no complete reply within the deadline of 1.5 s per request")
    }

    @Test("an upload's deadline grows with what it sends")
    func uploadDeadlineGrowsWithTheBody() {
        let limits = RequestLimits()
        #expect(limits.deadline(bodyBytes: 0) == 120)
        #expect(limits.deadline(bodyBytes: 64 << 20) == 376)
        #expect(RequestLimits(deadline: 2, secondsPerUploadedMiB: 0).deadline(bodyBytes: 1 << 30) == 2)
    }

    @Test("cancel() gives up a request the server never answers, and every later one")
    func cancelEndsAWaitingRequest() async throws {
        let server = try ScriptedHTTPServer(script: [.silence])
        defer { server.stop() }
        let client = try Self.client(port: server.port, limits: RequestLimits())
        let waiting = try await Self.connectedAccessCheck(client, server)
        client.cancel()
        let url = "http://127.0.0.1:\(server.port)/dicom-web/studies?limit=1"
        #expect(await waiting.value == .cancelled(url: url))
        #expect(try await Self.closedByClient(server))
        await #expect(throws: DICOMwebError.cancelled(url: url)) { try await client.checkAccess() }
        #expect(server.connectionsServed == 1)
    }

    @Test("cancelling the task gives up its request")
    func taskCancellationEndsTheRequest() async throws {
        let server = try ScriptedHTTPServer(script: [.silence])
        defer { server.stop() }
        let client = try Self.client(port: server.port, limits: RequestLimits())
        let waiting = try await Self.connectedAccessCheck(client, server)
        waiting.cancel()
        #expect(await waiting.value == .cancelled(url: "http://127.0.0.1:\(server.port)/dicom-web/studies?limit=1"))
        #expect(try await Self.closedByClient(server))
        #expect(!client.isCancelled)
    }

    @Test("cancel() ends the wait between retries")
    func cancelEndsTheBackoff() async throws {
        let unavailable = Data("HTTP/1.1 503 Busy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        let server = try ScriptedHTTPServer(replies: [unavailable])
        defer { server.stop() }
        let client = try Self.client(
            port: server.port,
            retryPolicy: RetryPolicy(maxAttempts: 5, initialDelay: 60, maxDelay: 60, maxTotalDelay: 600),
            limits: RequestLimits())
        let waiting = try await Self.connectedAccessCheck(client, server)
        try await Task.sleep(for: .milliseconds(200))
        client.cancel()
        #expect(await waiting.value == .cancelled(url: "http://127.0.0.1:\(server.port)/dicom-web/studies?limit=1"))
        #expect(server.connectionsServed == 1, "no attempt after the cancel")
    }
}
