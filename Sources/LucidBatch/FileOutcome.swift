import Foundation
import LucidDose
import LucidFiles
import LucidPACS
import LucidRendering

/// What happened to one input of `lucid process`.
public struct FileOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Every requested rendition was written.
        case ok
        /// The file could not be processed (its reason is in `error`); the batch goes on.
        case failed
        /// Not DICOM and not a 16-bit grayscale PNG, or not a regular file: reported, not a failure.
        case skipped
    }

    /// The input path, as given or as found below a folder argument.
    public var path: String
    public var status: Status
    /// The renditions written, in order.
    public var outputs: [String]
    /// Wall-clock seconds spent on the file.
    public var seconds: Double
    /// Why the file failed or was skipped.
    public var error: String?
    /// The category of a skip (`error` says more); nil when the file was not skipped.
    public var skipReason: SkipReason?
    /// The typed cause of a failure met while processing the file (its `description` is `error`); nil
    /// when the file did not fail, or failed with a reason given as text alone (an input the walker
    /// cannot use, a PACS upload or the index record of one).
    public var failure: FileError?
    /// The recipe applied (`--steps` syntax) and, with `--preset`, the preset used.
    public var steps: String?
    public var preset: String?
    /// The recipe's steps not applied, each with the reason (`clahe:... (colour image)`): grayscale
    /// steps on a colour image. Empty when every step applied.
    public var skippedSteps: [String] = []
    /// The window each rendered frame used, in frame order.
    public var windows: [AppliedWindow] = []
    /// The SHA-256 of outputs the archive computed, by output path (archive files only).
    public var sha256: [String: String] = [:]
    /// What Lucid did that the file's own values did not ask for, each one sentence: an odd SOP
    /// Instance UID kept as stated or replaced by a key of the archive (`InstanceIdentity.uidNote`).
    /// A note never changes `status`.
    public var notes: [String] = []
    /// What became of the file's DICOM instances (original, derived) at the PACS; nil without one.
    public var pacs: PACSCounts?
    /// What `--report` shows of the file beyond this outcome (identity, thumbnails); nil without
    /// `--report`. Not part of the JSON line or the run manifest.
    public var report: ReportCapture?
    /// The first look's findings (`FirstLook`: `saturated`, `blank`; the dose flags of `LucidDose`),
    /// one per kind, in the order found. A flag never changes `status`; `--fail-on` turns chosen
    /// kinds into the run's exit status 1.
    public var flags: [Flag] = []
    /// Renditions written under `--out` to temporary names, not yet flushed and renamed into place
    /// (`FileProcessor.commit` does it); empty once the outcome is reported.
    package var unsettled: [PendingFileWrite] = []
    /// With `--deidentify`: the name the run manifest and the report give the input instead of its
    /// path (`SharedNames`); nil otherwise.
    public var sharedName: String?

    public init(
        path: String, status: Status, outputs: [String] = [], seconds: Double = 0, error: String? = nil,
        steps: String? = nil, preset: String? = nil, skipReason: SkipReason? = nil
    ) {
        self.path = path
        self.status = status
        self.outputs = outputs
        self.seconds = seconds
        self.error = error
        self.steps = steps
        self.preset = preset
        self.skipReason = status == .skipped ? skipReason : nil
    }

    /// `failure`'s stable code (`dicom.truncatedPixelData`, see `FileError.code`); nil without one.
    public var errorCode: String? { failure?.code }

    /// Marks the file skipped for `reason`, with `message` (default the reason's own words) as `error`.
    public mutating func skip(_ reason: SkipReason, _ message: String? = nil) {
        status = .skipped
        skipReason = reason
        error = message ?? reason.text
    }

    /// Marks the file failed by `failure`, its message as `error`.
    public mutating func fail(_ failure: FileError) {
        status = .failed
        skipReason = nil
        error = failure.description
        self.failure = failure
    }

    /// One JSON line: `{"error","errorCode","flags","notes","outputs","path","preset","seconds","skipReason",
    /// "status","steps"}`, keys sorted, absent values `null`, `notes` and `flags` arrays (`[]` without one;
    /// each flag `{"kind","severity","message", ...details}`), seconds rounded to
    /// the millisecond; with a PACS also
    /// `"pacs":{"alreadyPresent","failed","uploaded"}` (instances); when steps were skipped also
    /// `"skippedSteps":["STEP (reason)", ...]`; with `--deidentify` also `"sharedName"`.
    public var jsonLine: String {
        var object: [String: Any] = [
            "path": path, "status": status.rawValue, "outputs": outputs,
            "seconds": (seconds * 1000).rounded() / 1000, "error": error ?? NSNull(),
            "errorCode": errorCode ?? NSNull(), "steps": steps ?? NSNull(), "preset": preset ?? NSNull(),
            "skipReason": skipReason?.rawValue ?? NSNull(), "notes": notes, "flags": flags.map(\.jsonObject),
        ]
        if let pacs { object["pacs"] = pacs.jsonObject }
        if !skippedSteps.isEmpty { object["skippedSteps"] = skippedSteps }
        if let sharedName { object["sharedName"] = sharedName }
        return JSONLine.encode(object)
    }
}
