import LucidDICOM

/// The dose attributes of an image header, each with the unit the standard fixes for it: Image and
/// Fluoroscopy Area Dose Product (0018,115E, dGy.cm2, PS3.3 §C.8.7.1), CTDIvol (0018,9345, mGy, at
/// the top level or in the CT Exposure Sequence (0018,9321) of the shared or per-frame functional
/// groups of an enhanced CT, the largest frame's value), Entrance Dose in mGy (0040,8302) and Organ
/// Dose (0040,0316, dGy), and the exposure indices (0018,1411-1413).
struct HeaderDose {
    var dap: DoseQuantity?
    var ctdiVol: DoseQuantity?
    var entranceDose: DoseQuantity?
    var organDose: DoseQuantity?
    var exposure: ExposureIndication?

    init(dataSet: DataSet) {
        dap = dataSet.doseNumber(DoseTag.imageAndFluoroscopyAreaDoseProduct).map {
            DoseQuantity(value: $0, unit: "dGy.cm2")
        }
        ctdiVol = Self.ctdiVol(in: dataSet).map { DoseQuantity(value: $0, unit: "mGy") }
        entranceDose = dataSet.doseNumber(DoseTag.entranceDoseInMilligray).map { DoseQuantity(value: $0, unit: "mGy") }
        organDose = dataSet.doseNumber(DoseTag.organDose).map { DoseQuantity(value: $0, unit: "dGy") }
        exposure = ExposureIndication(
            exposureIndex: dataSet.doseNumber(DoseTag.exposureIndex),
            targetExposureIndex: dataSet.doseNumber(DoseTag.targetExposureIndex),
            deviationIndex: dataSet.doseNumber(DoseTag.deviationIndex))
    }

    var isEmpty: Bool { dap == nil && ctdiVol == nil && entranceDose == nil && organDose == nil && exposure == nil }

    private static func ctdiVol(in dataSet: DataSet) -> Double? {
        if let value = dataSet.doseNumber(DoseTag.ctdiVol) { return value }
        let groups =
            (dataSet.sequence(.sharedFunctionalGroupsSequence) ?? [])
            + (dataSet.sequence(.perFrameFunctionalGroupsSequence) ?? [])
        return groups.compactMap { $0.sequence(DoseTag.ctExposureSequence)?.first?.doseNumber(DoseTag.ctdiVol) }.max()
    }
}
