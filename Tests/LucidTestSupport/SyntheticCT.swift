import LucidDICOM
import LucidImaging

/// Valid DICOM files made from `ct_nema_ct1_evrle.dcm` with a chosen identity, written through the
/// derived-image writer so every other attribute stays coherent.
public enum SyntheticCT {
    /// The CT with SOP Instance UID `sopInstanceUID` and, when given, Patient ID and Patient Name;
    /// with `padding`, a private element (0009,1000) of that many bytes makes the file larger (slower
    /// to read and hash) without changing the image.
    public static func bytes(
        patientID: String? = nil, sopInstanceUID: String, patientName: String? = nil,
        seriesInstanceUID: String = "1.2.826.0.1.3680043.2.1125.77", padding: Int = 0
    ) throws -> [UInt8] {
        let source = try DICOMImage(path: SampleCorpus.path("ct_nema_ct1_evrle.dcm"))
        let derived = DerivedImage(
            source: source, processed: try source.frame(0), encoding: source.pixel.encoding, recipe: "test input",
            window: Window(center: 40, width: 400), softwareVersion: "0.1.0",
            seriesInstanceUID: seriesInstanceUID, sopInstanceUID: sopInstanceUID)
        var dataSet = try derived.dataSet()
        if let patientID { dataSet.set(.patientID, .LO, patientID) }
        if let patientName { dataSet.set(.patientName, .PN, patientName) }
        if padding > 0 {
            dataSet.set(DICOMTag(0x0009, 0x0010), .LO, "LUCID TEST")
            dataSet.set(DICOMTag(0x0009, 0x1000), .OB, .bytes([UInt8](repeating: 7, count: padding)))
        }
        return try Part10Writer.encode(dataSet, implementationVersion: "0.1.0")
    }
}
