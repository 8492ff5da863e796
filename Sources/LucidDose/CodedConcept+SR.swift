import LucidDICOM

/// A coded concept of a Structured Report (PS3.3 §8.8, Code Sequence Macro) read from a data set:
/// Code Value (0008,0100) (or Long / URN Code Value), Coding Scheme Designator (0008,0102) and Code
/// Meaning (0008,0104).
extension CodedConcept {
    /// The first item of a code sequence, or nil when the sequence is absent or its item has no code.
    init?(sequence tag: DICOMTag, in dataSet: DataSet) {
        guard let item = dataSet.sequence(tag)?.first else { return nil }
        let value =
            item.string(.codeValue) ?? item.string(SRTag.longCodeValue) ?? item.string(SRTag.urnCodeValue)
        guard let value else { return nil }
        self.init(
            value: value, scheme: item.string(.codingSchemeDesignator) ?? "",
            meaning: item.string(.codeMeaning) ?? "")
    }

    /// True for this code value in the DICOM scheme (DCM), the scheme of every dose concept mapped here.
    /// A missing or differently spelled scheme still matches the value: vendors are not always careful.
    func isDICOM(_ code: String) -> Bool {
        value == code && (scheme.isEmpty || scheme == "DCM" || scheme.hasPrefix("DCM"))
    }
}

/// Tags of the SR Document Content Module (PS3.3 §C.17.3) and the Code Sequence Macro that
/// LucidDICOM does not name (Code Value, Coding Scheme Designator and Code Meaning it does).
enum SRTag {
    static let longCodeValue = DICOMTag(0x0008, 0x0119)
    static let urnCodeValue = DICOMTag(0x0008, 0x0120)
    static let relationshipType = DICOMTag(0x0040, 0xA010)
    static let valueType = DICOMTag(0x0040, 0xA040)
    static let conceptNameCodeSequence = DICOMTag(0x0040, 0xA043)
    static let conceptCodeSequence = DICOMTag(0x0040, 0xA168)
    static let dateTime = DICOMTag(0x0040, 0xA120)
    static let date = DICOMTag(0x0040, 0xA121)
    static let time = DICOMTag(0x0040, 0xA122)
    static let personName = DICOMTag(0x0040, 0xA123)
    static let uid = DICOMTag(0x0040, 0xA124)
    static let textValue = DICOMTag(0x0040, 0xA160)
    static let measuredValueSequence = DICOMTag(0x0040, 0xA300)
    static let numericValue = DICOMTag(0x0040, 0xA30A)
    static let measurementUnitsCodeSequence = DICOMTag(0x0040, 0x08EA)
    static let contentSequence = DICOMTag(0x0040, 0xA730)
    static let contentTemplateSequence = DICOMTag(0x0040, 0xA504)
    static let templateIdentifier = DICOMTag(0x0040, 0xDB00)
}
