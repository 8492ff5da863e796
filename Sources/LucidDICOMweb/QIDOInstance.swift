import Foundation

/// One instance in a QIDO-RS reply, identified by its study, series and SOP Instance UIDs.
public struct QIDOInstance: Sendable, Equatable {
    public var studyInstanceUID: String?
    public var seriesInstanceUID: String?
    public var sopInstanceUID: String

    public init(studyInstanceUID: String?, seriesInstanceUID: String?, sopInstanceUID: String) {
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUID = seriesInstanceUID
        self.sopInstanceUID = sopInstanceUID
    }

    /// Parses an `application/dicom+json` array; entries without a SOP Instance UID are skipped.
    /// - Throws: `DICOMwebError.invalidResponse` naming `url` when the body is not a JSON array.
    public static func parse(json data: Data, url: String) throws(DICOMwebError) -> [QIDOInstance] {
        if data.isEmpty { return [] }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .invalidResponse(url: url, reason: "QIDO-RS body is not JSON: \(error.localizedDescription)")
        }
        guard let entries = object as? [[String: Any]] else {
            throw .invalidResponse(url: url, reason: "QIDO-RS body is not a JSON array of objects")
        }
        return entries.compactMap { entry in
            guard let sop = DICOMJSON.string(entry, "00080018") else { return nil }
            return QIDOInstance(
                studyInstanceUID: DICOMJSON.string(entry, "0020000D"),
                seriesInstanceUID: DICOMJSON.string(entry, "0020000E"), sopInstanceUID: sop)
        }
    }
}
