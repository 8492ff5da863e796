import LucidDose

/// One row of the batch report: a file's outcome with what the report shows beside it.
public struct ReportRow: Sendable, Equatable {
    /// The input, as `FileOutcome.path`.
    public var path: String
    public var status: FileOutcome.Status
    /// Why the file failed or was skipped; nil for a file done.
    public var reason: String?
    public var identity: ReportIdentity?
    public var preset: String?
    public var steps: String?
    /// The steps not applied, each with its reason (`FileOutcome.skippedSteps`).
    public var skippedSteps: [String]
    /// The window of the first rendered frame, as `AppliedWindow.description`.
    public var window: String?
    /// Shown for a file done only.
    public var thumbnails: ReportThumbnails?
    /// The first look's findings on the file, shown with their severity.
    public var flags: [Flag]
    /// Dose figures of the image (header or dose report), in the order given; empty when it has none.
    public var dose: [ReportDose]

    public init(
        path: String, status: FileOutcome.Status, reason: String? = nil, identity: ReportIdentity? = nil,
        preset: String? = nil, steps: String? = nil, skippedSteps: [String] = [], window: String? = nil,
        thumbnails: ReportThumbnails? = nil, flags: [Flag] = [], dose: [ReportDose] = []
    ) {
        self.path = path
        self.status = status
        self.reason = reason
        self.identity = identity
        self.preset = preset
        self.steps = steps
        self.skippedSteps = skippedSteps
        self.window = window
        self.thumbnails = status == .ok ? thumbnails : nil
        self.flags = flags
        self.dose = dose
    }

    /// The row of a finished file: its outcome and `report` capture, with `flags` and `dose` given.
    public init(outcome: FileOutcome, flags: [Flag] = [], dose: [ReportDose] = []) {
        self.init(
            path: outcome.path, status: outcome.status, reason: outcome.status == .ok ? nil : outcome.error,
            identity: outcome.report?.identity, preset: outcome.preset, steps: outcome.steps,
            skippedSteps: outcome.skippedSteps, window: outcome.windows.first?.description,
            thumbnails: outcome.report?.thumbnails, flags: flags, dose: dose)
    }
}

/// One dose figure of an image or a study, e.g. `CTDIvol 12.3 mGy`.
public struct ReportDose: Sendable, Equatable {
    /// What the figure is, e.g. `CTDIvol`, `DLP total`, `DAP`.
    public var label: String
    public var quantity: DoseQuantity
    /// The diagnostic reference level it is compared with, in the same unit, and where that level
    /// comes from; nil when none applies.
    public var referenceLevel: DoseQuantity?
    public var referenceSource: String?

    public init(
        label: String, quantity: DoseQuantity, referenceLevel: DoseQuantity? = nil, referenceSource: String? = nil
    ) {
        self.label = label
        self.quantity = quantity
        self.referenceLevel = referenceLevel
        self.referenceSource = referenceSource
    }

    /// Whether the figure is above its reference level (same unit); false without one.
    public var exceedsReference: Bool {
        guard let referenceLevel, referenceLevel.unit == quantity.unit else { return false }
        return quantity.value > referenceLevel.value
    }
}
