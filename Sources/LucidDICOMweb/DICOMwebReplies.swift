import Foundation

/// The parts of a STOW-RS response (PS3.18 §10.5.3) the client acts on: the SOP Instance UIDs the
/// server says it stored (Referenced SOP Sequence 0008,1199) and those it says it refused (Failed
/// SOP Sequence 0008,1198, with Failure Reason 0008,1197).
public struct STOWResponse: Sendable, Equatable {
    public var storedSOPInstanceUIDs: [String]
    public var failures: [Failure]

    public struct Failure: Sendable, Equatable {
        public var sopInstanceUID: String
        public var reasonCode: Int?
    }

    public init(storedSOPInstanceUIDs: [String] = [], failures: [Failure] = []) {
        self.storedSOPInstanceUIDs = storedSOPInstanceUIDs
        self.failures = failures
    }

    /// Parses an `application/dicom+json` body. An empty body is an empty response.
    /// - Throws: `DICOMwebError.invalidResponse` naming `url` when the body is not that JSON.
    public static func parse(json data: Data, url: String) throws(DICOMwebError) -> STOWResponse {
        if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }) { return STOWResponse() }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .invalidResponse(url: url, reason: "STOW-RS body is not JSON: \(error.localizedDescription)")
        }
        guard let root = object as? [String: Any] else {
            throw .invalidResponse(url: url, reason: "STOW-RS body is not a DICOM JSON object")
        }
        var response = STOWResponse()
        for item in DICOMJSON.items(root, "00081199") {
            if let uid = DICOMJSON.string(item, "00081155") { response.storedSOPInstanceUIDs.append(uid) }
        }
        for item in DICOMJSON.items(root, "00081198") {
            guard let uid = DICOMJSON.string(item, "00081155") else { continue }
            response.failures.append(Failure(sopInstanceUID: uid, reasonCode: DICOMJSON.integer(item, "00081197")))
        }
        return response
    }
}

/// Reading values out of the DICOM JSON model (PS3.18 §F.2).
enum DICOMJSON {
    static func items(_ object: [String: Any], _ tag: String) -> [[String: Any]] {
        guard let element = object[tag] as? [String: Any] else { return [] }
        return element["Value"] as? [[String: Any]] ?? []
    }

    static func string(_ object: [String: Any], _ tag: String) -> String? {
        guard let element = object[tag] as? [String: Any], let values = element["Value"] as? [Any] else { return nil }
        return values.first as? String
    }

    static func integer(_ object: [String: Any], _ tag: String) -> Int? {
        guard let element = object[tag] as? [String: Any], let values = element["Value"] as? [Any] else { return nil }
        if let number = values.first as? NSNumber { return number.intValue }
        return (values.first as? String).flatMap { Int($0) }
    }
}

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
