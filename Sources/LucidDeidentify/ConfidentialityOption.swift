/// The options of the Basic Application Level Confidentiality Profile (PS3.15 E.3), each a
/// column of Table E.1-1, with its code from CID 7050 "De-identification Method" (PS3.16).
public enum ConfidentialityOption: String, Sendable, CaseIterable, Comparable {
    case retainSafePrivate = "retain-safe-private"
    case retainUIDs = "retain-uids"
    case retainDeviceIdentity = "retain-device-identity"
    case retainInstitutionIdentity = "retain-institution-identity"
    case retainPatientCharacteristics = "retain-patient-characteristics"
    case retainLongitudinalFullDates = "retain-longitudinal-full-dates"
    case retainLongitudinalModifiedDates = "retain-longitudinal-modified-dates"
    case cleanDescriptors = "clean-descriptors"
    case cleanStructuredContent = "clean-structured-content"
    case cleanGraphics = "clean-graphics"

    /// The name on the command line (`--option NAME`).
    public var name: String { rawValue }

    /// The CID 7050 code value (coding scheme DCM).
    public var codeValue: String {
        switch self {
        case .cleanGraphics: return "113103"
        case .cleanStructuredContent: return "113104"
        case .cleanDescriptors: return "113105"
        case .retainLongitudinalFullDates: return "113106"
        case .retainLongitudinalModifiedDates: return "113107"
        case .retainPatientCharacteristics: return "113108"
        case .retainDeviceIdentity: return "113109"
        case .retainUIDs: return "113110"
        case .retainSafePrivate: return "113111"
        case .retainInstitutionIdentity: return "113112"
        }
    }

    /// The CID 7050 code meaning.
    public var codeMeaning: String {
        switch self {
        case .cleanGraphics: return "Clean Graphics Option"
        case .cleanStructuredContent: return "Clean Structured Content Option"
        case .cleanDescriptors: return "Clean Descriptors Option"
        case .retainLongitudinalFullDates: return "Retain Longitudinal Temporal Information Full Dates Option"
        case .retainLongitudinalModifiedDates: return "Retain Longitudinal Temporal Information Modified Dates Option"
        case .retainPatientCharacteristics: return "Retain Patient Characteristics Option"
        case .retainDeviceIdentity: return "Retain Device Identity Option"
        case .retainUIDs: return "Retain UIDs Option"
        case .retainSafePrivate: return "Retain Safe Private Option"
        case .retainInstitutionIdentity: return "Retain Institution Identity Option"
        }
    }

    /// Whether Lucid applies the option. The others are refused on the command line: cleaning
    /// graphics needs rules the table does not give (the text of a graphic annotation is placed on
    /// the image), and keeping full dates or the original UIDs defeats sharing outside the
    /// hospital. Retain Safe Private keeps the attributes of Table E.3.10-1
    /// (`SafePrivateAttributes`). Clean Structured Content is the content tree kept with every item
    /// cleaned by the profile: codes and measurements stay, names, IDs, dates, UIDs and free text
    /// go or are replaced. Clean Descriptors keeps a description whose every word is in
    /// `DescriptorVocabulary` and code sequences with their items cleaned; any other value gets the
    /// Basic Profile's action.
    public var isImplemented: Bool {
        switch self {
        case .retainDeviceIdentity, .retainInstitutionIdentity, .retainPatientCharacteristics,
            .retainLongitudinalModifiedDates, .cleanStructuredContent, .retainSafePrivate, .cleanDescriptors:
            return true
        case .retainUIDs, .retainLongitudinalFullDates, .cleanGraphics:
            return false
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
