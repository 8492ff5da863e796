import Foundation
import LucidDICOM

/// One Part 10 file to upload: its bytes, the name used in messages, and the SOP Instance UID read
/// from its header (nil when the bytes are not readable DICOM; the server then decides).
public struct DICOMwebPart: Sendable, Equatable {
    /// The file's path or another name that identifies it in messages.
    public let name: String
    public let bytes: Data
    public let sopInstanceUID: String?

    public init(name: String, bytes: Data) {
        self.name = name
        self.bytes = bytes
        let file = try? DICOMFile(bytes: [UInt8](bytes), source: name)
        self.sopInstanceUID = file?.dataSet.string(.sopInstanceUID)
    }

    /// Reads a file from disk.
    /// - Throws: `DICOMwebError.unreadable` naming the path.
    public init(path: String) throws(DICOMwebError) {
        do {
            self.init(name: path, bytes: try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(file: path, reason: error.localizedDescription)
        }
    }
}

/// A `multipart/related; type="application/dicom"` body (PS3.18 §10.5) with a random boundary that
/// occurs in none of the parts.
public struct MultipartRelatedBody: Sendable {
    public let boundary: String
    public let body: Data

    public init<G: RandomNumberGenerator>(parts: [DICOMwebPart], using generator: inout G) {
        var boundary = Self.randomBoundary(using: &generator)
        while parts.contains(where: { $0.bytes.range(of: Data(boundary.utf8)) != nil }) {
            boundary = Self.randomBoundary(using: &generator)
        }
        var body = Data()
        for part in parts {
            body.append(Data("--\(boundary)\r\nContent-Type: application/dicom\r\n\r\n".utf8))
            body.append(part.bytes)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        self.boundary = boundary
        self.body = body
    }

    public init(parts: [DICOMwebPart]) {
        var generator = SystemRandomNumberGenerator()
        self.init(parts: parts, using: &generator)
    }

    /// The request's `Content-Type` header value.
    public var contentType: String { "multipart/related; type=\"application/dicom\"; boundary=\(boundary)" }

    static func randomBoundary<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        let suffix = (0..<32).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        return "lucid-" + String(suffix)
    }
}
