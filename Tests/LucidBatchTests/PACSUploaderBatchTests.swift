import Foundation
import LucidDICOMweb
import LucidTestSupport
import Testing

@testable import LucidPACS

/// How `PACSUploader` cuts a push into STOW-RS requests, and which errors halt it.
@Suite struct PACSUploaderBatchTests {
    func parts(_ sizes: [Int]) -> [DICOMwebPart] {
        sizes.enumerated().map { DICOMwebPart(name: "p\($0.offset)", bytes: Data(count: $0.element)) }
    }

    @Test("batches hold at most N parts and B bytes; a larger part goes alone; order is kept")
    func batches() {
        #expect(PACSUploader.batches(parts([1, 1, 1, 1, 1]), count: 2, bytes: 100) == [0..<2, 2..<4, 4..<5])
        #expect(
            PACSUploader.batches(parts([40, 40, 40, 150, 10]), count: 10, bytes: 100) == [0..<2, 2..<3, 3..<4, 4..<5])
        #expect(PACSUploader.batches(parts([]), count: 4, bytes: 100) == [])
        #expect(PACSUploader.batches(parts([5]), count: 1, bytes: 1) == [0..<1])
    }

    @Test("401, wrong roots and TLS halt as configuration; exhausted retries as unreachable; the rest not")
    func halts() throws {
        let target = try PACSTarget(parsing: "dicomweb+http://h:1/dw")
        let auth = DICOMwebError.authenticationFailed(url: "u", user: "ci")
        #expect(PACSHalt.forError(auth, target: target) == .configuration(target, auth))
        let missing = DICOMwebError.unexpectedStatus(url: "u", status: 404, body: "")
        #expect(PACSHalt.forError(missing, target: target) == .configuration(target, missing))
        let tls = DICOMwebError.transport(url: "u", reason: "certificate")
        #expect(PACSHalt.forError(tls, target: target)?.isConfiguration == true)
        let down = DICOMwebError.retriesExhausted(url: "u", attempts: 5, lastReason: "refused")
        #expect(PACSHalt.forError(down, target: target) == .unreachable(target, down))
        #expect(PACSHalt.forError(.rejected(file: "f", status: 400, reason: "r"), target: target) == nil)
        #expect(PACSHalt.forError(.unexpectedStatus(url: "u", status: 500, body: ""), target: target) == nil)
        #expect(PACSHalt.unreachable(target, down).shortReason == "dicomweb+http://h:1/dw unreachable")
        #expect(
            PACSHalt.configuration(target, auth).shortReason
                == "dicomweb+http://h:1/dw refused the credentials (HTTP 401)")
    }

    @Test("a PACS that cannot be reached fails every item, each naming its file, and halts the uploader")
    func unreachable() async throws {
        let target = try PACSTarget(parsing: "dicomweb+http://127.0.0.1:1/dicom-web")
        let policy = RetryPolicy(maxAttempts: 2, initialDelay: 0.01, maxDelay: 0.01, maxTotalDelay: 1)
        let uploader = try PACSUploader(
            target: target, credentials: nil, retryPolicy: policy, limits: RequestLimits(idleTimeout: 5))
        let halted = Mutexed<[PACSHalt]>([])
        uploader.whenHalted { halt in halted.update { $0.append(halt) } }
        let items = [
            PushItem(name: "a.dcm", bytes: Data([1]), sopInstanceUID: "1.2"),
            PushItem(name: "b.dcm", bytes: Data([2]), sopInstanceUID: "1.3"),
        ]
        let results = await uploader.push(items)
        #expect(
            results.map(\.failure) == [
                "a.dcm: not pushed: dicomweb+http://127.0.0.1:1/dicom-web unreachable",
                "b.dcm: not pushed: dicomweb+http://127.0.0.1:1/dicom-web unreachable",
            ])
        #expect(halted.value.count == 1)
        guard case .unreachable = uploader.halted else {
            Issue.record("expected an unreachable halt, got \(String(describing: uploader.halted))")
            return
        }
        #expect(await uploader.push(items).allSatisfy { !$0.isConfirmed })
    }

    @Test("a reply too large halts as configuration, a deadline passed as too slow, a cancellation not at all")
    func boundsHalts() throws {
        let target = try PACSTarget(parsing: "dicomweb+http://h:1/dw")
        let large = DICOMwebError.replyTooLarge(url: "u", limit: 4 << 20)
        #expect(PACSHalt.forError(large, target: target) == .configuration(target, large))
        let slow = DICOMwebError.deadlineExceeded(url: "u", seconds: 120)
        #expect(PACSHalt.forError(slow, target: target) == .unreachable(target, slow))
        #expect(
            PACSHalt.unreachable(target, slow).shortReason
                == "dicomweb+http://h:1/dw too slow (request deadline passed)")
        #expect(PACSHalt.forError(.cancelled(url: "u"), target: target) == nil)
    }

    @Test("cancel() ends a push waiting on the PACS at once: every item failed, the uploader not halted")
    func cancelledPush() async throws {
        let server = try ScriptedHTTPServer(script: [.silence])
        defer { server.stop() }
        let target = try PACSTarget(parsing: "dicomweb+http://127.0.0.1:\(server.port)/dicom-web")
        let uploader = try PACSUploader(target: target, credentials: nil)
        let items = [PushItem(name: "a.dcm", bytes: Data([1]), sopInstanceUID: "1.2")]
        let pushing = Task { await uploader.push(items) }
        let start = Date()
        while server.connectionsServed == 0 && Date().timeIntervalSince(start) < 30 {
            try await Task.sleep(for: .milliseconds(20))
        }
        uploader.cancel()
        let results = await pushing.value
        while server.repliesClosedByClient == 0 && Date().timeIntervalSince(start) < 60 {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(server.repliesClosedByClient == 1, "the request's connection is closed")
        #expect(results.map(\.isConfirmed) == [false])
        #expect(
            results.first?.failure?.hasSuffix("/dicom-web/instances?SOPInstanceUID=1.2: request given up: interrupted")
                == true)
        #expect(uploader.isCancelled && uploader.halted == nil)
        #expect(await uploader.checkAccess() == nil)
    }
}
