/// VOI LUT Function (0028,1056), PS3.3 C.11.2.1.3: how a window maps modality values to output.
public enum VOIFunction: String, Sendable, Equatable, Hashable, CaseIterable {
    /// PS3.3 C.11.2.1.2.1, the default when (0028,1056) is absent. Requires width >= 1.
    case linear = "LINEAR"
    /// PS3.3 C.11.2.1.3.2. Requires width > 0.
    case linearExact = "LINEAR_EXACT"
    /// PS3.3 C.11.2.1.3.1, Eq. C.11-1. Requires width > 0.
    case sigmoid = "SIGMOID"

    /// Parses a DICOM code string (case-insensitive, surrounding spaces ignored); nil when unknown.
    public init?(dicomValue: String) {
        let trimmed = dicomValue.uppercased().split(separator: " ", omittingEmptySubsequences: true)
        guard trimmed.count == 1 else { return nil }
        self.init(rawValue: String(trimmed[0]))
    }
}
