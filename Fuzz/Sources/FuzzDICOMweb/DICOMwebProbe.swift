import Foundation
import LucidDICOMweb

/// Feeds what a PACS or the user's machine hands the DICOMweb client: a STOW-RS or QIDO-RS reply
/// body (`application/dicom+json`), a netrc file, a file to upload (whose SOP Instance UID is read
/// from its header) and a URL shown in a message. The first byte picks which; the rest is the input.
///
/// Any thrown error is an acceptable outcome; a crash, a sanitizer report or a broken invariant
/// (`precondition`) is a finding.
enum DICOMwebProbe {
    static let url = "http://pacs.example:8042/dicom-web/studies"

    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let input = Array(bytes.dropFirst())
        switch selector % 5 {
        case 0: _ = try? STOWResponse.parse(json: Data(input), url: url)
        case 1: _ = try? QIDOInstance.parse(json: Data(input), url: url)
        case 2: netrc(input)
        case 3: _ = DICOMwebPart(name: "fuzz.dcm", bytes: Data(input)).sopInstanceUID
        default: redaction(input)
        }
    }

    /// A netrc file: the entry found for a host is that host's, or the default entry.
    static func netrc(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        guard let file = try? NetrcFile(contents: text, source: "fuzz.netrc") else { return }
        for host in ["pacs.example", "PACS.EXAMPLE", ""] + file.entries.prefix(3).compactMap(\.machine) {
            guard let entry = file.entry(host: host) else { continue }
            precondition(
                entry.machine == nil || entry.machine?.lowercased() == host.lowercased(),
                "the netrc entry for '\(host)' is machine '\(entry.machine ?? "")'")
        }
    }

    /// A URL in a message: hiding its credentials a second time changes nothing.
    static func redaction(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        let once = URLText.redactingCredentials(text)
        precondition(URLText.redactingCredentials(once) == once, "redacting '\(text)' twice differs")
    }
}
