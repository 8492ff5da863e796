import LucidDICOM

/// Text drawn into the pixels is the classic leak no header cleaning removes. A file is held back
/// when Burned In Annotation (0028,0301) is YES (PS3.3 C.7.6.1.1.11), or when it is absent on a
/// modality whose images usually carry burned-in text:
/// - US: measurements, labels and the patient banner are drawn into the frame by the scanner;
/// - OT, SC and the Secondary Capture SOP classes (1.2.840.10008.5.1.4.1.1.7.x): screenshots,
///   scanned documents and film digitisations, captured with whatever text was on them;
/// - XA, RF (and the older XRF): fluoroscopy and angiography systems often print the patient's
///   name and date in the image, and video captures keep it;
/// - ES, XC, GM: endoscopy, external-camera and microscopy captures come from video devices that
///   overlay patient data, or photograph wristbands and labels.
/// A file without Pixel Data (a report) carries no pixels to hold text and is never held back.
public enum BurnedInRule {
    public static let textBearingModalities: Set<String> = ["US", "OT", "SC", "XA", "RF", "XRF", "ES", "XC", "GM"]
    static let secondaryCapturePrefix = "1.2.840.10008.5.1.4.1.1.7"

    /// Throws when the file must be held back under the flags given.
    static func check(_ file: DICOMFile, allowBurnedIn: Bool, assumeNoBurnedIn: Bool) throws(DeidentifyError) {
        let dataSet = file.dataSet
        guard
            dataSet[.pixelData] != nil || dataSet[DICOMTag(0x7FE0, 0x0008)] != nil
                || dataSet[DICOMTag(0x7FE0, 0x0009)] != nil
        else { return }
        let burnedIn = dataSet.string(DICOMTag(0x0028, 0x0301))?.uppercased()
        if burnedIn == "YES" {
            if !allowBurnedIn { throw .burnedInAnnotation(file: file.source) }
            return
        }
        guard burnedIn == nil, !assumeNoBurnedIn else { return }
        let modality = dataSet.string(.modality)?.uppercased() ?? ""
        let sopClass = dataSet.string(.sopClassUID) ?? ""
        if textBearingModalities.contains(modality) || sopClass.hasPrefix(secondaryCapturePrefix) {
            throw .burnedInUnknown(file: file.source, modality: modality.isEmpty ? "(none)" : modality)
        }
    }
}
