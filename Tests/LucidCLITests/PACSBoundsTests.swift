import Foundation
import LucidArchive
import LucidTestSupport
import Testing

/// A PACS that never answers, trickles or answers without end, through the built binary: SIGINT
/// and SIGTERM end the wait at once with the usual exit status and nothing recorded of what was
/// cut short; `--pacs-timeout` and `--max-reply-size` bound each request.
@Suite struct PACSBoundsTests {
    static func target(_ server: ScriptedHTTPServer) -> String { "dicomweb+http://127.0.0.1:\(server.port)/dicom-web" }

    /// Waits until the server has read `count` requests (at most 30 s), then a little more, so
    /// that the client is waiting on the last one.
    static func waitForRequests(_ server: ScriptedHTTPServer, count: Int) {
        let end = Date().addingTimeInterval(30)
        while server.connectionsServed < count && Date() < end { Thread.sleep(forTimeInterval: 0.02) }
        #expect(server.connectionsServed >= count, "the PACS was asked \(server.connectionsServed) time(s)")
        Thread.sleep(forTimeInterval: 0.3)
    }

    /// Rows of the index's `pacs_uploads` table, read with Python's sqlite3 (outside Lucid); nil
    /// after recording that python3 is missing.
    static func recordedAttempts(_ archive: String) throws -> Int? {
        let python = ExternalTool.find("python3")
        guard ExternalTool.require(python != nil, tool: "python3", install: "apt-get install -y python3"), let python
        else { return nil }
        let script = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])"
        let result = try ExternalTool.run(
            python, ["-c", script, archive + "/index.sqlite", "SELECT count(*) FROM pacs_uploads"])
        return Int(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static let empty = ScriptedHTTPServer.reply(body: "[]")

    @Test(
        "a signal while the access check waits ends the run at once, before anything is written",
        arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func signalDuringAccessCheck(signal: Int32, status: Int32) throws {
        let server = try ScriptedHTTPServer(script: [.silence])
        defer { server.stop() }
        let fixture = try PACSFixture(count: 1)
        let run = try fixture.launch(
            ["process", fixture.input, "--archive", fixture.archive, "--archive", Self.target(server), "--json"])
        Self.waitForRequests(server, count: 1)
        let sent = Date()
        run.signal(signal)
        let result = try #require(run.wait(atMost: 30), "lucid did not end after the signal")
        #expect(Date().timeIntervalSince(sent) < 10, "a signal ends the wait at once, not at a timeout")
        #expect(result.status == status, "\(result.standardError)")
        #expect(result.outputText.isEmpty)
        #expect(
            result.standardError
                == "lucid: interrupted while checking access to \(Self.target(server)); nothing was done\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.archive))
    }

    @Test("SIGINT while archive push waits on a QIDO-RS reply: exit 130, a summary, nothing recorded")
    func pushInterruptedWhileWaiting() throws {
        let fixture = try PACSFixture(count: 2)
        let made = try fixture.run(["process", fixture.input, "--archive", fixture.archive, "--quiet"])
        #expect(made.status == 0, "\(made.standardError)")
        let server = try ScriptedHTTPServer(script: [.bytes(Self.empty), .silence])
        defer { server.stop() }
        let run = try fixture.launch(["archive", "push", fixture.archive, "--to", Self.target(server), "--json"])
        Self.waitForRequests(server, count: 2)
        run.signal(SIGINT)
        let result = try #require(run.wait(atMost: 30), "lucid archive push did not end after SIGINT")
        #expect(result.status == 130, "\(result.standardError)")
        let summary = try #require(PACSFixture.summary(result), "\(result.outputText)")
        #expect(summary["interrupted"] as? Bool == true)
        #expect(summary["uploaded"] as? Int == 0)
        let recorded = try Archive(root: fixture.archive, create: false).pushableFiles(pacs: Self.target(server))
        #expect(recorded.count == 4 && recorded.allSatisfy { $0.confirmedAt == nil })
        #expect(try Self.recordedAttempts(fixture.archive) == 0)
        #expect(server.connectionsServed == 2)
    }

    @Test(
        "a signal while process waits on the PACS: the usual interrupted summary and exit status",
        arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func processInterruptedWhileWaiting(signal: Int32, status: Int32) throws {
        let server = try ScriptedHTTPServer(script: [.bytes(Self.empty), .silence])
        defer { server.stop() }
        let fixture = try PACSFixture(count: 3)
        let withFolder = signal == SIGTERM
        let run = try fixture.launch(
            ["process", fixture.input, "--archive", Self.target(server), "--json", "--jobs", "1"]
                + (withFolder ? ["--archive", fixture.archive] : []))
        Self.waitForRequests(server, count: 2)
        run.signal(signal)
        let result = try #require(run.wait(atMost: 30), "lucid process did not end after the signal")
        #expect(result.status == status, "\(result.standardError)")
        let summary = try #require(PACSFixture.summary(result), "\(result.outputText)")
        #expect(summary["interrupted"] as? Bool == true)
        #expect((summary["pacs"] as? [String: Int])?["uploaded"] == 0)
        #expect(server.connectionsServed == 2)
        guard withFolder else { return }
        // The image in progress was filed locally in full; its cut-short push is not recorded.
        let verify = try fixture.run(["verify", fixture.archive])
        #expect(verify.status == 0, "\(verify.outputText)")
        #expect(try Self.recordedAttempts(fixture.archive) == 0)
    }

    @Test("a reply without end to the access check stops the run with one message naming the limit")
    func endlessReplyStopsTheRun() throws {
        // 64 KiB every 2 ms: a fast LAN's pace, up to 1 GiB.
        let endless = ScriptedHTTPServer.Reply.stream(
            head: ScriptedHTTPServer.head(declaredLength: nil), chunk: Data(repeating: 0x20, count: 65_536),
            count: 16_384, interval: 0.002)
        for (options, limit) in [
            ([String](), "4 MiB (4194304 bytes)"), (["--max-reply-size", "64KiB"], "64 KiB (65536 bytes)"),
        ] {
            let server = try ScriptedHTTPServer(script: [endless])
            defer { server.stop() }
            let fixture = try PACSFixture(count: 1)
            let run = try fixture.launch(["process", fixture.input, "--archive", Self.target(server)] + options)
            let result = try #require(run.wait(atMost: 60), "lucid did not end")
            PACSProcessTests.expectStoppedWithOneMessage(
                result,
                endingWith: "/dicom-web/studies?limit=1: the reply passed \(limit), the most read from a PACS reply; "
                    + "reading stopped there")
            let end = Date().addingTimeInterval(10)
            while server.repliesClosedByClient == 0 && Date() < end { Thread.sleep(forTimeInterval: 0.02) }
            #expect(server.repliesClosedByClient == 1)
            #expect(server.bytesStreamed < 256 << 20, "\(server.bytesStreamed) of 1 GiB were streamed")
        }
    }

    @Test("a PACS trickling its reply is given up at --pacs-timeout: the files fail, naming it, and the run ends")
    func tricklingPACS() throws {
        let server = try ScriptedHTTPServer(script: [
            .stream(
                head: ScriptedHTTPServer.head(declaredLength: 100_000), chunk: Data(" ".utf8), count: 100_000,
                interval: 0.25)
        ])
        defer { server.stop() }
        let fixture = try PACSFixture(count: 2)
        let started = Date()
        let run = try fixture.launch(
            ["process", fixture.input, "--archive", Self.target(server), "--pacs-timeout", "1", "--json"])
        let result = try #require(run.wait(atMost: 60), "lucid did not end")
        #expect(Date().timeIntervalSince(started) < 20, "one 1-second deadline halts the pushing")
        #expect(result.status == 1, "\(result.standardError)")
        #expect((PACSFixture.summary(result)?["pacs"] as? [String: Int])?["failed"] == 4, "\(result.outputText)")
        #expect(result.outputText.contains("too slow (request deadline passed)"), "\(result.outputText)")
        #expect(
            result.standardError.contains(
                "http://127.0.0.1:\(server.port)/dicom-web/studies?limit=1: no complete reply within the deadline of "
                    + "1 s per request"), "\(result.standardError)")
        #expect(server.connectionsServed == 1, "a request past its deadline is not retried")
    }

    @Test("the bounds are in --help with their defaults; bad values are usage errors")
    func helpAndUsage() throws {
        for command in [["process"], ["archive", "push"]] {
            let help = try LucidBinary.run(command + ["--help"])
            let text = help.outputText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("--pacs-timeout <seconds>"), "\(text)")
            #expect(text.contains("(default 120; an upload gets 4 s more per MiB it sends)"), "\(text)")
            #expect(text.contains("--max-reply-size <size>"), "\(text)")
            #expect(text.contains("(default 4 MiB;"), "\(text)")
        }
        let fixture = try PACSFixture(count: 1)
        for options in [["--pacs-timeout", "0"], ["--pacs-timeout", "nan"], ["--max-reply-size", "12 apples"]] {
            let result = try fixture.run(
                ["process", fixture.input, "--archive", "dicomweb+http://127.0.0.1:9/d"] + options)
            #expect(result.status == 2, "\(options): \(result.standardError)")
        }
    }
}
