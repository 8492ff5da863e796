import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// The PACS dies in the middle of `lucid archive push` (SIGKILL, in a private Orthanc this test
/// owns) and comes back on the same storage and port: the push fails clearly, the index shows
/// what did not arrive, and the resumed push completes with nothing missing and nothing duplicated.
@Suite struct PACSPushResumeTests {
    static let files = 30

    @Test("Orthanc killed mid-push, restarted: the resumed push completes, nothing missing or duplicated")
    func killedMidPush() throws {
        guard let orthanc = try PrivateOrthanc.start() else { return }
        defer { orthanc.stop() }
        let fixture = try PACSFixture(count: Self.files)
        let made = try fixture.run(["process", fixture.input, "--archive", fixture.archive, "--quiet"])
        #expect(made.status == 0, "\(made.standardError)")
        let expected = try fixture.archivedDICOM()
        #expect(expected.count == 2 * Self.files)

        // One instance a request, so the push lasts long enough to be cut; killed once a few arrived.
        let push = [
            "archive", "push", fixture.archive, "--to", orthanc.rest.target, "--batch", "1", "--connections", "1",
        ]
        let running = try fixture.launch(push, environment: orthanc.rest.credentials)
        var arrived = 0
        for _ in 0..<3000 where running.isRunning {
            arrived = (try? orthanc.rest.instanceCount()) ?? 0
            if arrived >= 4 { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        try #require(running.isRunning && arrived >= 4, "the push ended before Orthanc could be killed mid-push")
        orthanc.kill()
        let cut = running.wait()
        #expect(cut.status == 1)
        #expect(cut.standardError.contains("\(orthanc.rest.target): PACS unreachable"), "\(cut.standardError)")
        let afterCut = try Archive(root: fixture.archive, create: false).pushableFiles(pacs: orthanc.rest.target)
        let confirmed = afterCut.filter { $0.confirmedAt != nil }.count
        #expect(confirmed > 0 && confirmed < expected.count, "the index shows what arrived: \(confirmed)")

        try orthanc.restart()
        let resumed = try fixture.run(push.dropLast(4) + ["--json"], environment: orthanc.rest.credentials)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        let summary = try #require(PACSFixture.summary(resumed))
        #expect(summary["failed"] as? Int == 0)
        #expect((summary["uploaded"] as? Int ?? 0) + (summary["alreadyPresent"] as? Int ?? 0) == expected.count)
        #expect((summary["alreadyPresent"] as? Int ?? 0) >= confirmed, "what the index confirmed is not sent again")
        #expect(try orthanc.rest.instanceCount() == expected.count, "nothing missing, nothing duplicated")
        for file in expected {
            let id = try #require(try orthanc.rest.instanceID(sopInstanceUID: file.uid), "\(file.path) missing")
            #expect(try orthanc.rest.file(instanceID: id) == file.bytes, "\(file.path) differs in Orthanc")
        }
        let recorded = try Archive(root: fixture.archive, create: false).pushableFiles(pacs: orthanc.rest.target)
        #expect(recorded.allSatisfy { $0.confirmedAt != nil })
        let verify = try fixture.run(["verify", fixture.archive])
        #expect(verify.status == 0, "\(verify.outputText)")
    }
}
