import Foundation
import LucidTestSupport
import Testing

@testable import LucidDICOMweb

@Suite struct MultipartAndCredentialsTests {
    @Test func bodyFramesEachPartWithTheBoundaryAndCRLF() {
        let parts = [
            DICOMwebPart(name: "a", bytes: Data([1, 2, 3])), DICOMwebPart(name: "b", bytes: Data("xyz".utf8)),
        ]
        var generator = SeededGenerator(seed: 7)
        let multipart = MultipartRelatedBody(parts: parts, using: &generator)
        let b = multipart.boundary
        var expected = Data("--\(b)\r\nContent-Type: application/dicom\r\n\r\n".utf8) + Data([1, 2, 3])
        expected += Data("\r\n--\(b)\r\nContent-Type: application/dicom\r\n\r\nxyz\r\n--\(b)--\r\n".utf8)
        #expect(multipart.body == expected)
        #expect(multipart.contentType == "multipart/related; type=\"application/dicom\"; boundary=\(b)")
        #expect(b.hasPrefix("lucid-") && b.count == 38)
    }

    @Test func boundaryNeverOccursInAPart() {
        var probe = SeededGenerator(seed: 11)
        let first = MultipartRelatedBody.randomBoundary(using: &probe)
        let part = DICOMwebPart(name: "tricky", bytes: Data("before \(first) after".utf8))
        var generator = SeededGenerator(seed: 11)
        let multipart = MultipartRelatedBody(parts: [part], using: &generator)
        #expect(multipart.boundary != first)
        #expect(part.bytes.range(of: Data(multipart.boundary.utf8)) == nil)
    }

    @Test func nonDICOMBytesHaveNoSOPInstanceUID() {
        #expect(DICOMwebPart(name: "notes.txt", bytes: Data("just text".utf8)).sopInstanceUID == nil)
    }

    @Test func credentialsComeFromBothVariablesOrNeither() throws {
        #expect(try DICOMwebCredentials.fromEnvironment([:]) == nil)
        let both = try DICOMwebCredentials.fromEnvironment([
            "LUCID_DICOMWEB_USER": "ci", "LUCID_DICOMWEB_PASSWORD": "s3cret",
        ])
        #expect(both == DICOMwebCredentials(user: "ci", password: "s3cret"))
        #expect(both?.authorizationHeader == "Basic " + Data("ci:s3cret".utf8).base64EncodedString())
        #expect(
            throws: DICOMwebError.invalidConfiguration(
                reason: "LUCID_DICOMWEB_USER is set but LUCID_DICOMWEB_PASSWORD is not")
        ) {
            try DICOMwebCredentials.fromEnvironment(["LUCID_DICOMWEB_USER": "ci"])
        }
        #expect(
            throws: DICOMwebError.invalidConfiguration(
                reason: "LUCID_DICOMWEB_PASSWORD is set but LUCID_DICOMWEB_USER is not")
        ) {
            try DICOMwebCredentials.fromEnvironment(["LUCID_DICOMWEB_PASSWORD": "x"])
        }
    }

    @Test func passwordNeverAppearsInDescriptionsOrErrors() {
        let credentials = DICOMwebCredentials(user: "ci", password: "s3cret")
        #expect(credentials.description == "user 'ci' (password hidden)")
        let error = DICOMwebError.authenticationFailed(url: "http://127.0.0.1:1/dicom-web/studies", user: "ci")
        #expect(!error.description.contains("s3cret"))
        #expect(
            error.description
                == "http://127.0.0.1:1/dicom-web/studies: authentication failed (HTTP 401) for user 'ci'; "
                + "check LUCID_DICOMWEB_USER and LUCID_DICOMWEB_PASSWORD")
    }

    @Test func onlyHTTPAndHTTPSAreAccepted() throws {
        let ftp = try #require(URL(string: "ftp://127.0.0.1/dicom-web"))
        #expect(
            throws: DICOMwebError.invalidConfiguration(
                reason: "ftp://127.0.0.1/dicom-web: the scheme must be http or https")
        ) {
            try DICOMwebClient(baseURL: ftp, credentials: nil)
        }
        let trailing = try #require(URL(string: "http://127.0.0.1:8042/dicom-web/"))
        #expect(
            try DICOMwebClient(baseURL: trailing, credentials: nil).baseURL.absoluteString
                == "http://127.0.0.1:8042/dicom-web")
    }
}
