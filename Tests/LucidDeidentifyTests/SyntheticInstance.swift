import LucidDICOM

/// A small CT instance holding every kind of identity the profile deals with, at the top level and
/// in nested sequences, written with Lucid's own Part 10 writer.
enum SyntheticInstance {
    static let sopInstanceUID = "1.2.3.4.5.6.7.8.1"
    static let referencedUID = "1.2.3.4.5.6.7.8.9"
    static let requestAttributes = DICOMTag(0x0040, 0x0275)
    static let referencedImages = DICOMTag(0x0008, 0x1140)
    static let physician = DICOMTag(0x0040, 0x0006)
    /// Anatomic Region Sequence: not in Table E.1-1, so kept with its items cleaned.
    static let anatomicRegion = DICOMTag(0x0008, 0x2218)

    static func bytes(modality: String = "CT", burnedIn: String? = nil) throws -> [UInt8] {
        var set = WritableDataSet()
        set.set(.sopClassUID, .UI, "1.2.840.10008.5.1.4.1.1.2")
        set.set(.sopInstanceUID, .UI, sopInstanceUID)
        set.set(.studyInstanceUID, .UI, "1.2.3.4.5.6.7.8.2")
        set.set(.seriesInstanceUID, .UI, "1.2.3.4.5.6.7.8.3")
        set.set(DICOMTag(0x0020, 0x0052), .UI, "1.2.3.4.5.6.7.8.4")
        set.set(.patientName, .PN, "DOE^JANE")
        set.set(.patientID, .LO, "PID12345")
        set.set(DICOMTag(0x0010, 0x0030), .DA, "19800215")
        set.set(DICOMTag(0x0010, 0x0040), .CS, "F")
        set.set(DICOMTag(0x0010, 0x1010), .AS, "044Y")
        set.set(.studyDate, .DA, "20240301")
        set.set(DICOMTag(0x0008, 0x0030), .TM, "101500")
        set.set(DICOMTag(0x0008, 0x002A), .DT, "20240301101530")
        set.set(.accessionNumber, .SH, "ACC98765")
        set.set(DICOMTag(0x0008, 0x0080), .LO, "ST ELSEWHERE HOSPITAL")
        set.set(DICOMTag(0x0008, 0x1010), .SH, "CTROOM1")
        set.set(DICOMTag(0x0018, 0x1000), .LO, "SN-4711")
        set.set(.manufacturer, .LO, "ACME")
        set.set(.modality, .CS, modality)
        if let burnedIn { set.set(DICOMTag(0x0028, 0x0301), .CS, burnedIn) }
        var reference = WritableDataSet()
        reference.set(.referencedSOPClassUID, .UI, "1.2.840.10008.5.1.4.1.1.2")
        reference.set(.referencedSOPInstanceUID, .UI, referencedUID)
        set.set(referencedImages, items: [reference])
        var request = WritableDataSet()
        request.set(.accessionNumber, .SH, "ACC98765")
        request.set(physician, .PN, "HOUSE^GREGORY")
        request.set(DICOMTag(0x0040, 0x1001), .SH, "RP555")
        set.set(requestAttributes, items: [request])
        var region = WritableDataSet()
        region.set(.codeValue, .SH, "T-D3000")
        region.set(.accessionNumber, .SH, "ACC98765")
        region.set(DICOMTag(0x0008, 0x0080), .LO, "ST ELSEWHERE HOSPITAL")
        region.set(physician, .PN, "HOUSE^GREGORY")
        region.set(.studyDate, .DA, "20240301")
        region.set(DICOMTag(0x0040, 0xA160), .UT, "Patient Jane Doe, room 12")
        set.set(anatomicRegion, items: [region])
        set.set(DICOMTag(0x0009, 0x0010), .LO, "ACME PRIVATE")
        set.set(DICOMTag(0x0009, 0x1001), .LO, "DOE JANE PID12345")
        set.set(DICOMTag(0x0019, 0x0010), .LO, "GEMS_ACQU_01")
        set.set(DICOMTag(0x0019, 0x1023), .DS, "39.375")  // Table Speed: safe (Table E.3.10-1)
        set.set(DICOMTag(0x0019, 0x1099), .LO, "DOE JANE")  // not in the table
        set.set(DICOMTag(0x0008, 0x3012), .UI, "1.3.12.2.1107.5.1.4.11090.20240301101500")  // an event UID
        set.set(DICOMTag(0x6000, 0x0010), .US, .uint16s([2]))  // an overlay plane: rows,
        set.set(DICOMTag(0x6000, 0x0011), .US, .uint16s([2]))  // columns,
        set.set(DICOMTag(0x6000, 0x3000), .OW, .uint16s([0x000F]))  // and its bits
        set.set(.samplesPerPixel, .US, .uint16s([1]))
        set.set(.photometricInterpretation, .CS, "MONOCHROME2")
        set.set(.rows, .US, .uint16s([2]))
        set.set(.columns, .US, .uint16s([2]))
        set.set(.bitsAllocated, .US, .uint16s([16]))
        set.set(.bitsStored, .US, .uint16s([12]))
        set.set(.highBit, .US, .uint16s([11]))
        set.set(.pixelRepresentation, .US, .uint16s([0]))
        set.set(.pixelData, .OW, .uint16s([1, 2, 3, 4000]))
        return try Part10Writer.encode(set, implementationVersion: "test")
    }

    static func file(modality: String = "CT", burnedIn: String? = nil) throws -> DICOMFile {
        try DICOMFile(bytes: bytes(modality: modality, burnedIn: burnedIn), source: "synthetic.dcm")
    }
}
