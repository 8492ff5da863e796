import LucidDICOM

/// Hand-built dose reports and image headers for dose tests: SR content items (PS3.3 §C.17.3) as
/// `WritableDataSet`s, and whole files written with `Part10Writer`.
public enum SyntheticDose {
    public static let xRayRadiationDoseSR = "1.2.840.10008.5.1.4.1.1.88.67"
    public static let enhancedSR = "1.2.840.10008.5.1.4.1.1.88.22"
    public static let comprehensiveSR = "1.2.840.10008.5.1.4.1.1.88.33"
    public static let radiopharmaceuticalDoseSR = "1.2.840.10008.5.1.4.1.1.88.68"
    public static let digitalXRay = "1.2.840.10008.5.1.4.1.1.1.1"

    /// A one-item code sequence item.
    public static func code(_ value: String, _ meaning: String, scheme: String = "DCM") -> WritableDataSet {
        var item = WritableDataSet()
        item.set(DICOMTag(0x0008, 0x0100), .SH, value)
        item.set(DICOMTag(0x0008, 0x0102), .SH, scheme)
        item.set(DICOMTag(0x0008, 0x0104), .LO, meaning)
        return item
    }

    private static func item(_ valueType: String, _ concept: String, _ meaning: String) -> WritableDataSet {
        var item = WritableDataSet()
        item.set(DICOMTag(0x0040, 0xA010), .CS, "CONTAINS")
        item.set(DICOMTag(0x0040, 0xA040), .CS, valueType)
        item.set(DICOMTag(0x0040, 0xA043), items: [code(concept, meaning)])
        return item
    }

    /// A NUM item; `value` nil leaves the Measured Value Sequence empty.
    public static func num(_ concept: String, _ value: Double?, unit: String, meaning: String = "value")
        -> WritableDataSet
    {
        var result = item("NUM", concept, meaning)
        var measured = WritableDataSet()
        measured.set(DICOMTag(0x0040, 0x08EA), items: [code(unit, unit, scheme: "UCUM")])
        if let value { measured.set(DICOMTag(0x0040, 0xA30A), .DS, .numbers([value])) }
        result.set(DICOMTag(0x0040, 0xA300), items: value == nil ? [] : [measured])
        return result
    }

    public static func codeItem(_ concept: String, _ value: String, _ meaning: String) -> WritableDataSet {
        var result = item("CODE", concept, "code")
        result.set(DICOMTag(0x0040, 0xA168), items: [code(value, meaning)])
        return result
    }

    public static func text(_ concept: String, _ text: String) -> WritableDataSet {
        var result = item("TEXT", concept, "text")
        result.set(DICOMTag(0x0040, 0xA160), .UT, text)
        return result
    }

    public static func container(_ concept: String, _ children: [WritableDataSet]) -> WritableDataSet {
        var result = item("CONTAINER", concept, "container")
        result.set(DICOMTag(0x0040, 0xA050), .CS, "SEPARATE")
        result.set(DICOMTag(0x0040, 0xA730), items: children)
        return result
    }

    /// A UIDREF item.
    public static func uidReference(_ concept: String, _ uid: String) -> WritableDataSet {
        var result = item("UIDREF", concept, "uid")
        result.set(DICOMTag(0x0040, 0xA124), .UI, uid)
        return result
    }

    /// A CT acquisition (TID 10013) with its CT Dose container and, when given, its Irradiation Event UID.
    public static func ctAcquisition(
        ctdiVol: Double, dlp: Double, dlpUnit: String = "mGy.cm", eventUID: String? = nil
    ) -> WritableDataSet {
        container(
            "113819",
            (eventUID.map { [uidReference("113769", $0)] } ?? []) + [
                container(
                    "113829",
                    [
                        num("113830", ctdiVol, unit: "mGy"), codeItem("113835", "113691", "IEC Body Dosimetry Phantom"),
                        num("113838", dlp, unit: dlpUnit),
                    ])
            ])
    }

    /// A report's data set: SOP Class, title, content; `template` fills the Content Template Sequence.
    public static func report(
        sopClass: String = xRayRadiationDoseSR, sopInstance: String = DICOMUID.generate(),
        study: String = "1.2.826.0.1.3680043.2.1125.9001",
        title: (String, String) = ("113701", "X-Ray Radiation Dose Report"),
        template: String? = nil, studyDescription: String? = nil, content: [WritableDataSet]
    ) -> WritableDataSet {
        var dataSet = WritableDataSet()
        dataSet.set(.sopClassUID, .UI, sopClass)
        dataSet.set(.sopInstanceUID, .UI, sopInstance)
        dataSet.set(.studyInstanceUID, .UI, study)
        dataSet.set(.modality, .CS, "SR")
        if let studyDescription { dataSet.set(.studyDescription, .LO, studyDescription) }
        dataSet.set(DICOMTag(0x0040, 0xA040), .CS, "CONTAINER")
        dataSet.set(DICOMTag(0x0040, 0xA043), items: [code(title.0, title.1)])
        if let template {
            var item = WritableDataSet()
            item.set(DICOMTag(0x0008, 0x0105), .CS, "DCMR")
            item.set(DICOMTag(0x0040, 0xDB00), .CS, template)
            dataSet.set(DICOMTag(0x0040, 0xA504), items: [item])
        }
        dataSet.set(DICOMTag(0x0040, 0xA730), items: content)
        return dataSet
    }

    /// An image header without pixels: `attributes` are (tag, VR, text value) triples.
    public static func image(modality: String, attributes: [(DICOMTag, ValueRepresentation, String)])
        -> WritableDataSet
    {
        var dataSet = WritableDataSet()
        dataSet.set(.sopClassUID, .UI, digitalXRay)
        dataSet.set(.sopInstanceUID, .UI, DICOMUID.generate())
        dataSet.set(.studyInstanceUID, .UI, "1.2.826.0.1.3680043.2.1125.9002")
        dataSet.set(.modality, .CS, modality)
        for (tag, vr, value) in attributes { dataSet.set(tag, vr, value) }
        return dataSet
    }

    /// The Part 10 bytes of a data set.
    public static func bytes(_ dataSet: WritableDataSet) throws -> [UInt8] {
        try Part10Writer.encode(dataSet, implementationVersion: "0.1.0")
    }

    /// The data set as Lucid reads it back.
    public static func read(_ dataSet: WritableDataSet) throws -> DataSet {
        try DICOMFile(bytes: try bytes(dataSet), source: "synthetic.dcm").dataSet
    }
}
