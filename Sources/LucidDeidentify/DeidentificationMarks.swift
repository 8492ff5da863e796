import LucidDICOM

/// What a de-identified instance says of itself (PS3.3 C.7.1.1, Patient Identity Removed and the
/// De-identification Method attributes; PS3.3 C.7.6.1, Longitudinal Temporal Information Modified).
enum DeidentificationMarks {
    static let patientIdentityRemoved = DICOMTag(0x0012, 0x0062)
    static let method = DICOMTag(0x0012, 0x0063)
    static let methodCodeSequence = DICOMTag(0x0012, 0x0064)
    static let longitudinalTemporalInformationModified = DICOMTag(0x0028, 0x0303)
    /// CID 7050 code of the profile itself.
    static let basicProfile = CodedConcept(
        value: "113100", scheme: "DCM", meaning: "Basic Application Confidentiality Profile")

    /// Patient Identity Removed YES; the method as text (one value per profile and option) and as
    /// codes (113100 and each option's CID 7050 code); Longitudinal Temporal Information Modified
    /// MODIFIED when dates are shifted (the modified-dates option), REMOVED otherwise (the Basic Profile removes or empties them).
    static func elements(options: Set<ConfidentialityOption>, datesShifted: Bool) -> [WritableElement] {
        let concepts =
            [basicProfile]
            + options.sorted().map { CodedConcept(value: $0.codeValue, scheme: "DCM", meaning: $0.codeMeaning) }
        return [
            WritableElement(tag: patientIdentityRemoved, vr: .CS, value: .strings(["YES"])),
            WritableElement(tag: method, vr: .LO, value: .strings(concepts.map(\.meaning))),
            WritableElement(tag: methodCodeSequence, vr: .SQ, value: .items(concepts.map(\.item))),
            WritableElement(
                tag: longitudinalTemporalInformationModified, vr: .CS,
                value: .strings([datesShifted ? "MODIFIED" : "REMOVED"])),
        ]
    }
}
