/// What a STOW-RS request did, per file: stored (by SOP Instance UID) or rejected with a reason.
public struct STOWReport: Sendable, Equatable {
    /// The files the server listed as stored.
    public var stored: [Stored]
    /// One `DICOMwebError.rejected` per file the server did not store.
    public var rejected: [DICOMwebError]

    public struct Stored: Sendable, Equatable {
        public var file: String
        public var sopInstanceUID: String
    }

    public init(stored: [Stored] = [], rejected: [DICOMwebError] = []) {
        self.stored = stored
        self.rejected = rejected
    }

    /// Judges each part against the server's reply. A part counts as stored only when its SOP
    /// Instance UID is listed as stored and not as failed; a part whose bytes are not readable DICOM
    /// cannot be listed and is rejected.
    init(parts: [DICOMwebPart], reply: STOWResponse, status: Int, serverMessage: String) {
        self.init()
        let storedUIDs = Set(reply.storedSOPInstanceUIDs)
        let failed = Dictionary(
            reply.failures.map { ($0.sopInstanceUID, $0.reasonCode) }, uniquingKeysWith: { a, _ in a })
        let rejectionStatus = status >= 400 ? status : 400
        for part in parts {
            guard let uid = part.sopInstanceUID else {
                rejected.append(
                    .rejected(
                        file: part.name, status: rejectionStatus,
                        reason: "not a readable DICOM Part 10 file; the server stored nothing for it"))
                continue
            }
            if let code = failed[uid] {
                let reason =
                    code.map { "failure reason 0x" + String($0, radix: 16, uppercase: true) } ?? "no reason given"
                rejected.append(
                    .rejected(file: part.name, status: rejectionStatus, reason: "SOP Instance \(uid): \(reason)"))
            } else if storedUIDs.contains(uid) {
                stored.append(Stored(file: part.name, sopInstanceUID: uid))
            } else {
                let detail = serverMessage.isEmpty ? "" : " (\(serverMessage))"
                rejected.append(
                    .rejected(
                        file: part.name, status: rejectionStatus,
                        reason: "SOP Instance \(uid) is not listed as stored in the reply\(detail)"))
            }
        }
    }

    /// Whether every file was stored.
    public var allStored: Bool { rejected.isEmpty }
}
