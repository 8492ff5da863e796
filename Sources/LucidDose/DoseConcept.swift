/// The DICOM (DCM) concept codes of radiation dose reports that Lucid maps (PS3.16: TID 10001
/// Projection X-Ray Radiation Dose, TID 10011 CT Radiation Dose, TID 10003 Irradiation Event X-Ray
/// Data, TID 10013 CT Irradiation Event Data, TID 10015 CT Dose Check Details (NEMA XR 25)).
enum DoseConcept {
    static let xRayRadiationDoseReport = "113701"
    static let radiopharmaceuticalRadiationDoseReport = "113500"
    static let irradiationEventUID = "113769"
    static let irradiationEventType = "113721"
    // CT, TID 10011-10013.
    static let ctAccumulatedDoseData = "113811"
    static let ctDoseLengthProductTotal = "113813"
    static let ctAcquisition = "113819"
    static let meanCTDIvol = "113830"
    static let dlp = "113838"
    static let ctdiwPhantomType = "113835"
    // Projection X-ray, TID 10001-10003.
    static let irradiationEventXRayData = "113706"
    static let doseAreaProductTotal = "113722"
    static let doseRPTotal = "113725"
    static let doseAreaProduct = "122130"
    static let doseRP = "113738"
    static let exposureIndex = "113845"
    static let targetExposureIndex = "113846"
    static let deviationIndex = "113847"
    // Mammography, TID 10005 and TID 10003 (CID 10063).
    static let accumulatedAverageGlandularDose = "111637"
    static let averageGlandularDose = "111631"
    // Dose Check, TID 10015 (NEMA XR 25).
    static let doseCheckAlertDetails = "113900"
    static let dlpAlertValue = "113903"
    static let ctdiVolAlertValue = "113904"
    static let accumulatedDLPForwardEstimate = "113905"
    static let accumulatedCTDIvolForwardEstimate = "113906"
    static let reasonForProceeding = "113907"
    static let doseCheckNotificationDetails = "113908"
    static let dlpNotificationValue = "113911"
    static let ctdiVolNotificationValue = "113912"
    static let dlpForwardEstimate = "113913"
    static let ctdiVolForwardEstimate = "113914"
}
