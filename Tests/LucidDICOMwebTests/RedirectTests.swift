import Foundation
import LucidTestSupport
import Testing

@testable import LucidDICOMweb

/// A DICOMweb root that redirects (a reverse proxy sending http to https, a moved server): the
/// redirect is reported, never followed, so the password and the uploads go nowhere else.
@Suite struct RedirectTests {
    @Test(
        "a redirect is reported with its status and target, and nothing reaches the target",
        arguments: [301, 302, 303, 307, 308])
    func redirectIsNotFollowed(status: Int) async throws {
        let elsewhere = try ScriptedHTTPServer(replies: [ScriptedHTTPServer.reply(body: "[]")])
        defer { elsewhere.stop() }
        let location = "http://127.0.0.1:\(elsewhere.port)/dicom-web/studies?limit=1"
        let server = try ScriptedHTTPServer(replies: [ScriptedHTTPServer.redirect(status: status, to: location)])
        defer { server.stop() }
        let root = try #require(URL(string: "http://127.0.0.1:\(server.port)/dicom-web"))
        let client = try DICOMwebClient(
            baseURL: root, credentials: DICOMwebCredentials(user: "tech", password: "s3cret"), retryPolicy: .none,
            limits: RequestLimits(idleTimeout: 5))
        await #expect(
            throws: DICOMwebError.redirected(
                url: "http://127.0.0.1:\(server.port)/dicom-web/studies?limit=1", status: status, location: location)
        ) {
            try await client.checkAccess()
        }
        #expect(elsewhere.connectionsServed == 0, "the redirect was followed: \(elsewhere.requestHeads)")
        #expect(server.requestHeads.count == 1)
    }

    @Test("a STOW-RS upload that is redirected sends nothing to the target and says where it points")
    func redirectedUploadIsNotResent() async throws {
        let elsewhere = try ScriptedHTTPServer(replies: [ScriptedHTTPServer.reply(body: "{}")])
        defer { elsewhere.stop() }
        let location = "https://user:pw@127.0.0.1:\(elsewhere.port)/dicom-web/studies"
        let server = try ScriptedHTTPServer(replies: [ScriptedHTTPServer.redirect(status: 301, to: location)])
        defer { server.stop() }
        let root = try #require(URL(string: "http://127.0.0.1:\(server.port)/dicom-web"))
        let client = try DICOMwebClient(
            baseURL: root, credentials: nil, retryPolicy: .none, limits: RequestLimits(idleTimeout: 5))
        let part = DICOMwebPart(name: "a.dcm", bytes: Data(repeating: 0, count: 200))
        await #expect {
            _ = try await client.store([part])
        } throws: { error in
            guard case .redirected(_, 301, let location) = error as? DICOMwebError else { return false }
            let message = "\(error)"
            return location == "https://***@127.0.0.1:\(elsewhere.port)/dicom-web/studies"
                && !message.contains("pw") && message.contains("use the DICOMweb root it redirects to")
        }
        #expect(elsewhere.connectionsServed == 0)
    }

    @Test("user and password in a URL are hidden in messages")
    func credentialsAreRedacted() {
        #expect(URLText.redactingCredentials("https://u:pw@h:1/p@q") == "https://***@h:1/p@q")
        #expect(URLText.redactingCredentials("https://h/p") == "https://h/p")
        #expect(URLText.redactingCredentials("no scheme@h") == "no scheme@h")
    }
}
