/// One original value and the keyed pseudonym that replaced it (`--mapping`).
public struct MappingRow: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case uid = "UID"
        case patientID = "PatientID"
        case patientName = "PatientName"
    }

    public let kind: Kind
    public let original: String
    public let pseudonym: String
}

/// A de-identified Part 10 file and the pseudonymous UIDs that name it.
public struct DeidentifiedInstance: Sendable {
    /// The whole file: preamble, `DICM`, File Meta, data set.
    public let bytes: [UInt8]
    /// The new Study, Series and SOP Instance UIDs (empty when the source had none).
    public let studyInstanceUID: String
    public let seriesInstanceUID: String
    public let sopInstanceUID: String
    /// Every replacement made, in the order made (duplicates included).
    public let mapping: [MappingRow]

    /// `<study>/<series>/<sop>.dcm`: from the pseudonymous UIDs only, never from input names.
    public var relativePath: String {
        let study = studyInstanceUID.isEmpty ? "no-study" : studyInstanceUID
        let series = seriesInstanceUID.isEmpty ? "no-series" : seriesInstanceUID
        return "\(study)/\(series)/\(sopInstanceUID).dcm"
    }
}
