import LucidDICOM

/// Header attributes of dose and exposure (PS3.3 §C.8.7.1 X-Ray Acquisition Dose, §C.8.11.7 DX
/// Detector, §C.8.15.3.8 CT Exposure Functional Group, §C.4.10 Performed Procedure Step Summary).
enum DoseTag {
    static let kvp = DICOMTag(0x0018, 0x0060)
    static let protocolName = DICOMTag(0x0018, 0x1030)
    static let exposureTime = DICOMTag(0x0018, 0x1150)
    static let exposure = DICOMTag(0x0018, 0x1152)
    static let imageAndFluoroscopyAreaDoseProduct = DICOMTag(0x0018, 0x115E)
    static let relativeXRayExposure = DICOMTag(0x0018, 0x1405)
    static let exposureIndex = DICOMTag(0x0018, 0x1411)
    static let targetExposureIndex = DICOMTag(0x0018, 0x1412)
    static let deviationIndex = DICOMTag(0x0018, 0x1413)
    static let ctExposureSequence = DICOMTag(0x0018, 0x9321)
    static let ctdiVol = DICOMTag(0x0018, 0x9345)
    static let requestedProcedureDescription = DICOMTag(0x0032, 0x1060)
    static let organDose = DICOMTag(0x0040, 0x0316)
    static let entranceDoseInMilligray = DICOMTag(0x0040, 0x8302)
}
