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

    /// Multi-frame images whose Multi-frame Functional Groups Module makes Content Date and Content
    /// Time Type 1 (PS3.3 C.7.6.16), and whose Enhanced image module makes Acquisition DateTime
    /// Type 1C, required for original images (PS3.3 C.8.13.1, C.8.15.2, C.8.22.1).
    static let enhancedImages: Set<String> = [
        "1.2.840.10008.5.1.4.1.1.2.1", "1.2.840.10008.5.1.4.1.1.4.1", "1.2.840.10008.5.1.4.1.1.4.3",
        "1.2.840.10008.5.1.4.1.1.128.1", "1.2.840.10008.5.1.4.1.1.12.1.1", "1.2.840.10008.5.1.4.1.1.12.2.1",
        "1.2.840.10008.5.1.4.1.1.13.1.3", "1.2.840.10008.5.1.4.1.1.2.2", "1.2.840.10008.5.1.4.1.1.4.4",
        "1.2.840.10008.5.1.4.1.1.128.2",
    ]

    /// PET Image Storage: Series Date and Series Time are Type 1 in the PET Series Module
    /// (PS3.3 C.8.9.1), Acquisition Date and Time Type 2 in the PET Image Module (PS3.3 C.8.9.4).
    static let petImage = "1.2.840.10008.5.1.4.1.1.128"

    /// Where the element sits: the SOP class, the sequence holding it (nil at the top level) and
    /// the data set or item it is in.
    struct Place {
        let sopClassUID: String
        let parent: DICOMTag?
        let dataSet: DataSet
    }

    /// The Type of an attribute at `place` in the IOD, when Lucid knows it.
    static func type(of tag: DICOMTag, at place: Place) -> AttributeType? {
        if let parent = place.parent { return nestedType(of: tag, in: parent) }
        let sopClass = place.sopClassUID
        let isReport = sopClass.hasPrefix(structuredReportPrefix)
        switch tag.combined {
        case 0x0008_0023, 0x0008_0033:  // Content Date, Content Time
            return isReport || enhancedImages.contains(sopClass) ? .type1 : .type2
        case 0x0018_1000:  // Device Serial Number
            return enhancedEquipment.contains(sopClass) ? .type1 : .type3
        case 0x0008_002A:  // Acquisition DateTime
            return enhancedImages.contains(sopClass) ? .type1 : nil
        case 0x0008_0021, 0x0008_0031:  // Series Date, Series Time
            return sopClass == petImage ? .type1 : nil
        case 0x0008_0022, 0x0008_0032:  // Acquisition Date, Acquisition Time
            return sopClass == petImage ? .type2 : nil
        case 0x0040_0555:  // Acquisition Context Sequence, Type 2 in its module (PS3.3 C.7.6.14)
            return .type2
        case 0x0008_1111:  // Referenced Performed Procedure Step Sequence, SR Document Series
            return isReport ? .type2 : nil
        case 0x0010_2297, 0x0010_2299:  // Responsible Person / Organization: Type 2C for animals
            let species =
                place.dataSet[DICOMTag(0x0010, 0x2201)] != nil || place.dataSet[DICOMTag(0x0010, 0x2202)] != nil
            return species ? .type2 : nil
        case 0x0018_0010:  // Contrast/Bolus Agent, Contrast/Bolus Module (PS3.3 C.7.6.4)
            return .type2
        default:
            return nil
        }
    }

    /// Types inside the items of a sequence: the Referenced Request Sequence of an SR document
    /// (PS3.3 C.17.2, Table C.17-2) lists its Requested Procedure attributes as Type 2.
    static func nestedType(of tag: DICOMTag, in parent: DICOMTag) -> AttributeType? {
        guard parent == DICOMTag(0x0040, 0xA370) else { return nil }
        switch tag.combined {
        case 0x0032_1060, 0x0040_1001, 0x0040_2016, 0x0040_2017, 0x0008_1110: return .type2
        default: return nil
        }
    }
}
