import Foundation
import LucidTestSupport
import Testing

@testable import LucidDICOMweb

/// The netrc format and where `DICOMwebCredentials.resolve` takes the user and password from.
@Suite struct NetrcAndCredentialSourcesTests {
    static let text = """
        # a comment naming machine nothing
        machine pacs.example.org login alice password "s3cret with space"
        machine OTHER.example.org
            login bob
            password b\\"ob
        macdef init
        cd /somewhere
        put file

        default login anonymous password guest
        """

    @Test("machine, default, quoted values and macdef are read as curl reads them")
    func parse() throws {
        let netrc = try NetrcFile(contents: Self.text, source: "test.netrc")
        #expect(
            netrc.entries == [
                NetrcFile.Entry(machine: "pacs.example.org", login: "alice", password: "s3cret with space"),
                NetrcFile.Entry(machine: "OTHER.example.org", login: "bob", password: "b\\\"ob"),
                NetrcFile.Entry(machine: nil, login: "anonymous", password: "guest"),
            ])
        #expect(NetrcFile.tokens(of: #"a  "b c" "d\"e\\f" g"h"#) == ["a", "b c", #"d"e\f"#, #"g"h"#])
        #expect(netrc.entry(host: "PACS.example.org")?.login == "alice")
        #expect(netrc.entry(host: "other.example.org")?.login == "bob")
        #expect(netrc.entry(host: "unknown")?.login == "anonymous")
        #expect(try NetrcFile(contents: "machine h", source: "x").entry(host: "h")?.hasPassword == false)
        #expect(throws: DICOMwebError.invalidConfiguration(reason: "x: 'password' without a value")) {
            try NetrcFile(contents: "machine h login a password", source: "x")
        }
    }

    func netrcFile(_ contents: String) throws -> String {
        let path = try LucidBinary.temporaryFolder() + "/netrc"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(contents.utf8)))
        return path
    }

    @Test("user: --user, else the variable, else netrc's login; password: the variable, else netrc")
    func precedence() throws {
        let netrc = try netrcFile("machine h login alice password from-netrc\n")
        let environment = ["LUCID_DICOMWEB_USER": "env-user", "LUCID_DICOMWEB_PASSWORD": "from-env"]
        #expect(
            try DICOMwebCredentials.resolve(user: "cli", host: "h", netrcPath: netrc, environment: environment)
                == DICOMwebCredentials(user: "cli", password: "from-env"))
        #expect(
            try DICOMwebCredentials.resolve(user: nil, host: "h", netrcPath: netrc, environment: [:])
                == DICOMwebCredentials(user: "alice", password: "from-netrc"))
        #expect(
            try DICOMwebCredentials.resolve(user: "alice", host: "H", netrcPath: netrc, environment: [:])
                == DICOMwebCredentials(user: "alice", password: "from-netrc"))
        #expect(
            try DICOMwebCredentials.resolve(
                user: nil, host: "h", netrcPath: nil, environment: [:], defaultNetrcPath: netrc)
                == DICOMwebCredentials(user: "alice", password: "from-netrc"))
        #expect(
            try DICOMwebCredentials.resolve(
                user: nil, host: "h", netrcPath: nil, environment: [:], defaultNetrcPath: netrc + ".absent") == nil)
    }

    @Test("a user without a password, or a password without a user, is a configuration error without secrets")
    func incomplete() throws {
        let netrc = try netrcFile("machine h login alice password from-netrc\n")
        #expect(throws: DICOMwebError.self) {
            try DICOMwebCredentials.resolve(user: "mallory", host: "h", netrcPath: netrc, environment: [:])
        }
        do {
            _ = try DICOMwebCredentials.resolve(user: "mallory", host: "h", netrcPath: netrc, environment: [:])
        } catch {
            #expect(error.description.contains("no password for user 'mallory' at h"))
            #expect(!error.description.contains("from-netrc"))
        }
        #expect(
            throws: DICOMwebError.invalidConfiguration(
                reason: "LUCID_DICOMWEB_PASSWORD is set but no user is given: use --user or LUCID_DICOMWEB_USER")
        ) {
            try DICOMwebCredentials.resolve(
                user: nil, host: "h", netrcPath: nil, environment: ["LUCID_DICOMWEB_PASSWORD": "x"],
                defaultNetrcPath: nil)
        }
        #expect(throws: DICOMwebError.invalidConfiguration(reason: "the user name must not contain ':'")) {
            try DICOMwebCredentials.resolve(
                user: "a:b", host: "h", netrcPath: nil, environment: ["LUCID_DICOMWEB_PASSWORD": "x"])
        }
        #expect(throws: DICOMwebError.self) {
            try DICOMwebCredentials.resolve(user: nil, host: "h", netrcPath: netrc + ".absent", environment: [:])
        }
    }
}
