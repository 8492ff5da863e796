import LucidDICOM

/// Which Structured Reports are X-ray radiation dose reports (PS3.3 §A.35.8 X-Ray Radiation Dose SR
/// IOD; PS3.16 TID 10001, TID 10011). A report is one when
/// - its SOP Class is X-Ray Radiation Dose SR (1.2.840.10008.5.1.4.1.1.88.67), or
/// - its Content Template Sequence names TID 10001 or 10011, or
/// - its title (the root's Concept Name) is (113701, DCM, "X-Ray Radiation Dose Report"), or
/// - its tree holds CT or projection dose concepts (`CTDose`, `ProjectionDose`), whatever the SOP
///   Class carrying it: Enhanced SR (.88.22), Comprehensive SR (.88.33), Comprehensive 3D SR (.88.34),
///   or Radiopharmaceutical Radiation Dose SR (.88.68), whose own radiopharmaceutical content is
///   not an X-ray dose and so, alone, does not make it one.
enum RDSRRecognition {
    static let xRayRadiationDoseSR = "1.2.840.10008.5.1.4.1.1.88.67"
    static let doseTemplates: Set<String> = ["10001", "10011"]

    static func isDoseReport(dataSet: DataSet, root: SRContentItem, holdsDoseConcepts: Bool) -> Bool {
        if dataSet.string(.sopClassUID) == xRayRadiationDoseSR { return true }
        if let template = SRContentTree.templateIdentifier(of: dataSet), doseTemplates.contains(template) {
            return true
        }
        return root.isConcept(DoseConcept.xRayRadiationDoseReport) || holdsDoseConcepts
    }
}
