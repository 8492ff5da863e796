import Foundation
import LucidFiles

/// Something that happened during `ArchivePush.run`, reported in order.
public enum ArchivePushEvent: Sendable {
    /// The index lists `total` DICOM instances to bring to the PACS.
    case found(total: Int)
    /// One instance is done.
    case finished(PushedInstance)
}

/// What became of one archived DICOM instance.
public struct PushedInstance: Sendable, Equatable {
    /// Relative to the archive root.
    public var path: String
    public var sopInstanceUID: String
    public var status: PushResult.Status
    /// Wall-clock seconds, the instance's share of its group.
    public var seconds: Double

    public init(path: String, sopInstanceUID: String, status: PushResult.Status, seconds: Double) {
        self.path = path
        self.sopInstanceUID = sopInstanceUID
        self.status = status
        self.seconds = seconds
    }

    /// `uploaded`, `present` or `failed`.
    public var statusName: String {
        switch status {
        case .uploaded: return "uploaded"
        case .alreadyPresent: return "present"
        case .failed: return "failed"
        }
    }

    public var error: String? {
        if case .failed(let reason) = status { return reason }
        return nil
    }

    /// The object of the JSON line and the manifest: `{"error","path","seconds","sopInstanceUID","status"}`.
    public var jsonObject: [String: Any] {
        [
            "path": path, "sopInstanceUID": sopInstanceUID, "status": statusName, "error": error ?? NSNull(),
            "seconds": (seconds * 1000).rounded() / 1000,
        ]
    }

    /// One JSON line, keys sorted.
    public var jsonLine: String { JSONLine.encode(jsonObject) }
}

/// The end of `lucid archive push`: counts, time, and why it stopped early if it did.
public struct ArchivePushSummary: Sendable {
    /// Instances handled.
    public var instances = 0
    public var counts = PACSCounts()
    public var seconds = 0.0
    /// True when SIGINT stopped the push before every group was started.
    public var interrupted = false
    /// Why the uploader stopped pushing, if it did.
    public var halt: PACSHalt?
    /// Every failed instance with its reason, in the order they finished.
    public var failures: [(path: String, reason: String)] = []

    public init() {}

    mutating func record(_ instance: PushedInstance) {
        instances += 1
        counts.add([PushResult(name: instance.path, sopInstanceUID: instance.sopInstanceUID, status: instance.status)])
        if let error = instance.error { failures.append((instance.path, error)) }
    }

    /// `{"alreadyPresent","failed","instances","interrupted","seconds","uploaded"}`.
    public var jsonObject: [String: Any] {
        [
            "instances": instances, "uploaded": counts.uploaded, "alreadyPresent": counts.alreadyPresent,
            "failed": counts.failed, "seconds": (seconds * 1000).rounded() / 1000, "interrupted": interrupted,
        ]
    }

    /// `{"summary":{…}}`.
    public var jsonLine: String { JSONLine.encode(["summary": jsonObject]) }

    /// 1 when the PACS refused the configuration, else 130 when interrupted, else 1 when an
    /// instance failed, else 0.
    public var exitStatus: Int32 {
        if halt?.isConfiguration == true { return 1 }
        if interrupted { return 130 }
        return counts.failed > 0 ? 1 : 0
    }
}
