import Foundation

/// One DICOM instance to bring to a PACS: the file's bytes, the name that identifies it in
/// messages (its path), and the SOP Instance UID it holds.
public struct PushItem: Sendable {
    /// The file's path, as messages show it.
    public var name: String
    public var bytes: Data
    /// The SOP Instance UID (0008,0018) as the file states it, which the PACS is asked about: "" for
    /// a file without one, which is never sent (a PACS cannot store it).
    public var sopInstanceUID: String

    public init(name: String, bytes: Data, sopInstanceUID: String) {
        self.name = name
        self.bytes = bytes
        self.sopInstanceUID = sopInstanceUID
    }
}

/// What became of one `PushItem`.
public struct PushResult: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// Sent by STOW-RS now, then found by QIDO-RS.
        case uploaded
        /// Found by QIDO-RS before any upload: nothing was sent.
        case alreadyPresent
        /// Not in the PACS; the reason names the file.
        case failed(String)
    }

    public var name: String
    public var sopInstanceUID: String
    public var status: Status

    public init(name: String, sopInstanceUID: String, status: Status) {
        self.name = name
        self.sopInstanceUID = sopInstanceUID
        self.status = status
    }

    /// Whether the PACS holds the instance.
    public var isConfirmed: Bool { status == .uploaded || status == .alreadyPresent }

    /// The failure reason, or nil.
    public var failure: String? {
        if case .failed(let reason) = status { return reason }
        return nil
    }
}

/// Instances uploaded, already present and failed, for summaries and run manifests.
public struct PACSCounts: Sendable, Equatable {
    public var uploaded = 0
    public var alreadyPresent = 0
    public var failed = 0

    public init(uploaded: Int = 0, alreadyPresent: Int = 0, failed: Int = 0) {
        self.uploaded = uploaded
        self.alreadyPresent = alreadyPresent
        self.failed = failed
    }

    public init(_ results: [PushResult]) {
        self.init()
        add(results)
    }

    public mutating func add(_ results: [PushResult]) {
        for result in results {
            switch result.status {
            case .uploaded: uploaded += 1
            case .alreadyPresent: alreadyPresent += 1
            case .failed: failed += 1
            }
        }
    }

    public mutating func add(_ other: PACSCounts) {
        uploaded += other.uploaded
        alreadyPresent += other.alreadyPresent
        failed += other.failed
    }

    /// `{"alreadyPresent","failed","uploaded"}`.
    public var jsonObject: [String: Any] {
        ["uploaded": uploaded, "alreadyPresent": alreadyPresent, "failed": failed]
    }

    /// `3 uploaded, 1 already present, 0 failed`.
    public var text: String { "\(uploaded) uploaded, \(alreadyPresent) already present, \(failed) failed" }
}
