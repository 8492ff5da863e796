import Foundation
import LucidDICOMweb
import LucidPACS
import Testing

/// `--archive dicomweb+http://…`: what is a PACS, its normal form, and what is refused.
@Suite struct PACSTargetTests {
    @Test("dicomweb+http(s) URLs are normalised: lower-case scheme and host, no default port, no trailing slash")
    func normalForm() throws {
        let target = try PACSTarget(parsing: "DICOMweb+HTTP://PACS.Example.org:8042/dicom-web/")
        #expect(target.baseURL.absoluteString == "http://pacs.example.org:8042/dicom-web")
        #expect(target.description == "dicomweb+http://pacs.example.org:8042/dicom-web")
        #expect(target.host == "pacs.example.org")
        #expect(try PACSTarget(parsing: "dicomweb+https://h:443/dw").description == "dicomweb+https://h/dw")
        #expect(try PACSTarget(parsing: "dicomweb+http://h:80/").description == "dicomweb+http://h")
        #expect(PACSTarget.names("dicomweb+http://h") && PACSTarget.names("DICOMWEB+https://h"))
        #expect(!PACSTarget.names("archive/") && !PACSTarget.names("http://h/dicom-web"))
    }

    @Test("credentials, queries, other schemes and hostless URLs are refused; the password is never echoed")
    func refused() {
        #expect(throws: PACSTargetError.credentialsInURL("dicomweb+http://***@h:1/dw")) {
            try PACSTarget(parsing: "dicomweb+http://user:s3cret@h:1/dw")
        }
        #expect(throws: PACSTargetError.credentialsInURL("dicomweb+http://***@h/dw")) {
            try PACSTarget(parsing: "dicomweb+http://user@h/dw")
        }
        #expect(throws: PACSTargetError.unsupportedScheme("dicomweb+ftp://h/dw")) {
            try PACSTarget(parsing: "dicomweb+ftp://h/dw")
        }
        #expect(throws: PACSTargetError.queryOrFragment("dicomweb+http://h/dw?x=1")) {
            try PACSTarget(parsing: "dicomweb+http://h/dw?x=1")
        }
        #expect(throws: PACSTargetError.noHost("dicomweb+http:///dw")) {
            try PACSTarget(parsing: "dicomweb+http:///dw")
        }
        #expect(throws: PACSTargetError.notDICOMweb("http://h/dw")) { try PACSTarget(parsing: "http://h/dw") }
        #expect(URLText.redactingCredentials("dicomweb+https://a:b@c@h:1/p@q") == "dicomweb+https://***@h:1/p@q")
        #expect(
            !PACSTargetError.credentialsInURL(URLText.redactingCredentials("dicomweb+http://u:pw@h")).description
                .contains("pw"))
    }

    @Test("counts add up per status and print as the summary says")
    func counts() {
        let results = [
            PushResult(name: "a", sopInstanceUID: "1", status: .uploaded),
            PushResult(name: "b", sopInstanceUID: "2", status: .alreadyPresent),
            PushResult(name: "c", sopInstanceUID: "3", status: .failed("c: rejected")),
            PushResult(name: "d", sopInstanceUID: "4", status: .uploaded),
        ]
        let counts = PACSCounts(results)
        #expect(counts == PACSCounts(uploaded: 2, alreadyPresent: 1, failed: 1))
        #expect(counts.text == "2 uploaded, 1 already present, 1 failed")
        #expect(results.map(\.isConfirmed) == [true, true, false, true])
        #expect(results.map(\.failure) == [nil, nil, "c: rejected", nil])
    }
}
