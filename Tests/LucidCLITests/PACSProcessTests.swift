import Foundation
import LucidTestSupport
import Testing

/// `lucid process --archive dicomweb+http://…` against the Orthanc of `.ci/orthanc`, through the
/// built binary: what reaches the PACS, byte for byte; re-runs; the credentials' paths.
@Suite struct PACSProcessTests {
    @Test(
        "a batch archived into a folder and the PACS: every instance in Orthanc, byte-identical; a re-run sends nothing"
    )
    func folderAndPACS() throws {
        guard let orthanc = OrthancREST.fromEnvironment() else { return }
        let fixture = try PACSFixture(count: 4)
        let arguments = ["process", fixture.input, "--archive", fixture.archive, "--archive", orthanc.target, "--json"]
        let first = try fixture.run(arguments, environment: orthanc.credentials)
        #expect(first.status == 0, "\(first.standardError)")
        let summary = try #require(PACSFixture.summary(first))
        #expect(summary["ok"] as? Int == 4)
        #expect(summary["pacs"] as? [String: Int] == ["uploaded": 8, "alreadyPresent": 0, "failed": 0])
        for line in ProcessFixture.jsonLines(first.standardOutput).dropLast() {
            #expect(line["pacs"] as? [String: Int] == ["uploaded": 2, "alreadyPresent": 0, "failed": 0], "\(line)")
        }
        let archived = try fixture.archivedDICOM()
        #expect(archived.count == 8)
        #expect(Set(archived.map(\.uid)).isSuperset(of: fixture.sourceUIDs))
        for file in archived {
            let id = try #require(try orthanc.instanceID(sopInstanceUID: file.uid), "\(file.path) is not in Orthanc")
            #expect(try orthanc.file(instanceID: id) == file.bytes, "\(file.path) differs in Orthanc")
        }
        let manifest = try ProcessFixture.manifest(in: fixture.archive + "/runs")
        #expect((manifest["options"] as? [String: Any])?["pacs"] as? String == orthanc.target)
        #expect((manifest["summary"] as? [String: Any])?["pacs"] as? [String: Int] == summary["pacs"] as? [String: Int])

        let second = try fixture.run(arguments, environment: orthanc.credentials)
        #expect(second.status == 0, "\(second.standardError)")
        let again = try #require(PACSFixture.summary(second))
        #expect(again["skipped"] as? Int == 4)
        #expect(again["pacs"] as? [String: Int] == ["uploaded": 0, "alreadyPresent": 8, "failed": 0])
        let verify = try fixture.run(["verify", fixture.archive])
        #expect(verify.status == 0, "\(verify.outputText) \(verify.standardError)")
        for run in [first, second] {
            #expect(!run.outputText.contains(orthanc.password) && !run.standardError.contains(orthanc.password))
        }
    }

    @Test("PACS only: nothing kept locally; a re-run finds every instance and processes nothing")
    func pacsOnly() throws {
        guard let orthanc = OrthancREST.fromEnvironment() else { return }
        let fixture = try PACSFixture(count: 2)
        let arguments = ["process", fixture.input, "--archive", orthanc.target, "--json"]
        let first = try fixture.run(arguments, environment: orthanc.credentials)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(
            PACSFixture.summary(first)?["pacs"] as? [String: Int] == ["uploaded": 4, "alreadyPresent": 0, "failed": 0])
        for (index, uid) in fixture.sourceUIDs.enumerated() {
            let input = try #require(
                FileManager.default.contents(atPath: fixture.input + String(format: "/%02d.dcm", index + 1)))
            let id = try #require(try orthanc.instanceID(sopInstanceUID: uid))
            #expect(try orthanc.file(instanceID: id) == input, "the original reaches the PACS byte for byte")
        }
        let second = try fixture.run(arguments, environment: orthanc.credentials)
        #expect(second.status == 0, "\(second.standardError)")
        let lines = ProcessFixture.jsonLines(second.standardOutput)
        #expect(lines.dropLast().map { $0["error"] as? String } == ["already in the PACS", "already in the PACS"])
        #expect(
            PACSFixture.summary(second)?["pacs"] as? [String: Int] == ["uploaded": 0, "alreadyPresent": 4, "failed": 0])
    }

    @Test("a wrong password stops the run with one message and exit 1, before anything is written")
    func wrongPassword() throws {
        guard let orthanc = OrthancREST.fromEnvironment() else { return }
        let fixture = try PACSFixture(count: 1)
        let wrong = ["LUCID_DICOMWEB_USER": orthanc.user, "LUCID_DICOMWEB_PASSWORD": "not-the-password"]
        let result = try fixture.run(
            ["process", fixture.input, "--archive", fixture.archive, "--archive", orthanc.target, "--json"],
            environment: wrong)
        Self.expectStoppedWithOneMessage(
            result,
            endingWith: "authentication failed (HTTP 401) for user '\(orthanc.user)'; "
                + "check LUCID_DICOMWEB_USER and LUCID_DICOMWEB_PASSWORD")
        #expect(!result.standardError.contains("not-the-password"))
        #expect(!FileManager.default.fileExists(atPath: fixture.archive))
        #expect(try orthanc.instanceID(sopInstanceUID: fixture.sourceUIDs[0]) == nil)
    }

    @Test("a DICOMweb root that redirects stops the run with one message and exit 1; the password goes nowhere else")
    func redirectingRoot() throws {
        let elsewhere = try ScriptedHTTPServer(replies: [ScriptedHTTPServer.reply(body: "[]")])
        defer { elsewhere.stop() }
        let location = "https://127.0.0.1:\(elsewhere.port)/dicom-web/studies?limit=1"
        let proxy = try ScriptedHTTPServer(replies: [ScriptedHTTPServer.redirect(status: 301, to: location)])
        defer { proxy.stop() }
        let fixture = try PACSFixture(count: 1)
        let credentials = ["LUCID_DICOMWEB_USER": "tech", "LUCID_DICOMWEB_PASSWORD": "s3cret-pw"]
        let target = "dicomweb+http://127.0.0.1:\(proxy.port)/dicom-web"
        let result = try fixture.run(
            ["process", fixture.input, "--archive", fixture.archive, "--archive", target, "--json"],
            environment: credentials)
        Self.expectStoppedWithOneMessage(
            result,
            endingWith: "http://127.0.0.1:\(proxy.port)/dicom-web/studies?limit=1: the server redirects (HTTP 301) to "
                + "\(location); redirects are not followed, so that credentials and uploads go only to the URL "
                + "given: use the DICOMweb root it redirects to")
        #expect(!result.standardError.contains("s3cret-pw"))
        #expect(elsewhere.connectionsServed == 0)
        #expect(proxy.connectionsServed == 1)
        #expect(!FileManager.default.fileExists(atPath: fixture.archive))
    }

    @Test("the password from a netrc file: --netrc-file, or ~/.netrc; --user picks the entry's login")
    func netrc() throws {
        guard let orthanc = OrthancREST.fromEnvironment() else { return }
        let fixture = try PACSFixture(count: 1)
        let netrc = "machine \(orthanc.url.host ?? "") login \(orthanc.user) password \(orthanc.password)\n"
        #expect(FileManager.default.createFile(atPath: fixture.folder + "/pacs.netrc", contents: Data(netrc.utf8)))
        let explicit = try fixture.run(
            ["process", fixture.input, "--archive", orthanc.target, "--netrc-file", fixture.folder + "/pacs.netrc"])
        #expect(explicit.status == 0, "\(explicit.standardError)")
        #expect(try orthanc.instanceID(sopInstanceUID: fixture.sourceUIDs[0]) != nil)
        #expect(FileManager.default.createFile(atPath: fixture.folder + "/.netrc", contents: Data(netrc.utf8)))
        let home = try fixture.run(["process", fixture.input, "--archive", orthanc.target, "--user", orthanc.user])
        #expect(home.status == 0, "\(home.standardError)")
        #expect(home.standardError.contains("0 uploaded, 2 already present, 0 failed"), "\(home.standardError)")
        let stranger = try fixture.run(["process", fixture.input, "--archive", orthanc.target, "--user", "someone"])
        #expect(stranger.status == 2)
        #expect(stranger.standardError.contains("no password for user 'someone'"), "\(stranger.standardError)")
    }

    @Test("credentials in the URL are refused without echoing them; a bad URL is a usage error")
    func urlChecks() throws {
        let fixture = try PACSFixture(count: 1)
        let withPassword = try fixture.run(
            ["process", fixture.input, "--archive", "dicomweb+http://ci:hunter2@127.0.0.1:9/dicom-web"])
        #expect(withPassword.status == 2)
        #expect(withPassword.standardError.contains("dicomweb+http://***@127.0.0.1:9/dicom-web: credentials do not"))
        #expect(!withPassword.standardError.contains("hunter2"))
        let ftp = try fixture.run(["process", fixture.input, "--archive", "dicomweb+ftp://127.0.0.1/dicom-web"])
        #expect(ftp.status == 2)
        let two = try fixture.run(
            [
                "process", fixture.input, "--archive", "dicomweb+http://127.0.0.1:9/a", "--archive",
                "dicomweb+http://127.0.0.1:9/b",
            ])
        #expect(two.status == 2)
        #expect(two.standardError.contains("--archive: give at most one folder and one PACS"))
    }

    /// A configuration error: exit 1, nothing on standard output, one line on standard error that
    /// ends with `message`.
    static func expectStoppedWithOneMessage(
        _ result: LucidRun.Result, endingWith message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.outputText.isEmpty, sourceLocation: sourceLocation)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasSuffix(message) == true, "\(result.standardError)", sourceLocation: sourceLocation)
    }
}
