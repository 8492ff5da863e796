import LucidDICOM

/// What Lucid knows of an attribute's Type in the instance's IOD (PS3.3), for choosing among the
/// alternatives of a Table E.1-1 cell (Z/D, X/Z, X/D, X/Z/D). Only the cases where the first
/// code would break a common IOD are listed; for the others the type is unknown and the first
/// code applies (see `ProfileAction.resolved(type:)`).
enum IODRequirement {
    /// Structured Report storage SOP classes (PS3.4 B.5, 1.2.840.10008.5.1.4.1.1.88.x): Content
    /// Date and Content Time are Type 1 in the SR Document General Module (PS3.3 C.17.2).
    static let structuredReportPrefix = "1.2.840.10008.5.1.4.1.1.88."

    /// SOP classes whose IOD includes the Enhanced General Equipment Module (PS3.3 C.7.5.2), where
    /// Device Serial Number is Type 1: the enhanced multi-frame images and the dose reports.
    static let enhancedEquipment: Set<String> = [
        "1.2.840.10008.5.1.4.1.1.2.1",  // Enhanced CT Image
        "1.2.840.10008.5.1.4.1.1.4.1",  // Enhanced MR Image
        "1.2.840.10008.5.1.4.1.1.4.3",  // Enhanced MR Color Image
        "1.2.840.10008.5.1.4.1.1.12.1.1",  // Enhanced XA Image
        "1.2.840.10008.5.1.4.1.1.12.2.1",  // Enhanced XRF Image
        "1.2.840.10008.5.1.4.1.1.13.1.3",  // Breast Tomosynthesis Image
        "1.2.840.10008.5.1.4.1.1.128.1",  // Enhanced PET Image
        "1.2.840.10008.5.1.4.1.1.88.67",  // X-Ray Radiation Dose SR
        "1.2.840.10008.5.1.4.1.1.88.68",  // Radiopharmaceutical Radiation Dose SR
        "1.2.840.10008.5.1.4.1.1.88.74",  // Planned Imaging Agent Administration SR
        "1.2.840.10008.5.1.4.1.1.88.75",  // Performed Imaging Agent Administration SR
        "1.2.840.10008.5.1.4.1.1.88.76",  // Enhanced X-Ray Radiation Dose SR
    ]

    /// Multi-frame images whose Enhanced image module makes Acquisition DateTime Type 1C, required
    /// for original images (PS3.3 C.8.13.1, C.8.15.2, C.8.22.1).
    static let enhancedImages: Set<String> = [
        "1.2.840.10008.5.1.4.1.1.2.1", "1.2.840.10008.5.1.4.1.1.4.1", "1.2.840.10008.5.1.4.1.1.4.3",
        "1.2.840.10008.5.1.4.1.1.128.1",
    ]

    /// The Type of a top-level attribute in the IOD of `sopClassUID`, when Lucid knows it.
    static func type(of tag: DICOMTag, sopClassUID: String) -> AttributeType? {
        switch tag.combined {
        case 0x0008_0023, 0x0008_0033:
            return sopClassUID.hasPrefix(structuredReportPrefix) ? .type1 : .type2
        case 0x0018_1000:
            return enhancedEquipment.contains(sopClassUID) ? .type1 : .type3
        case 0x0008_002A:
            return enhancedImages.contains(sopClassUID) ? .type1 : nil
        case 0x0018_0010:
            return .type2  // Contrast/Bolus Agent, Contrast/Bolus Module (PS3.3 C.7.6.4)
        default:
            return nil
        }
    }
}
