import LucidDICOM

/// The header values that place one image in the archive: patient, study, series and instance.
public struct InstanceIdentity: Sendable, Equatable {
    public var patientID: String
    public var patientName: String
    public var studyInstanceUID: String
    public var studyDate: String
    public var seriesInstanceUID: String
    public var seriesNumber: String
    public var modality: String
    public var sopInstanceUID: String

    public init(
        patientID: String, patientName: String = "", studyInstanceUID: String, studyDate: String,
        seriesInstanceUID: String, seriesNumber: String, modality: String, sopInstanceUID: String
    ) {
        self.patientID = patientID
        self.patientName = patientName
        self.studyInstanceUID = studyInstanceUID
        self.studyDate = studyDate
        self.seriesInstanceUID = seriesInstanceUID
        self.seriesNumber = seriesNumber
        self.modality = modality
        self.sopInstanceUID = sopInstanceUID
    }

    /// Reads the identity of a parsed data set. Absent values become empty strings (filed as
    /// `UNKNOWN`), except the SOP Instance UID, without which an instance cannot be told apart.
    /// - Throws: `ArchiveError.unfileable` naming `source` when the SOP Instance UID is missing or invalid.
    public init(dataSet: DataSet, source: String) throws(ArchiveError) {
        func text(_ tag: DICOMTag) -> String { dataSet.string(tag) ?? "" }
        let sop = text(.sopInstanceUID)
        if let problem = DICOMUID.problem(sop) {
            throw .unfileable(source: source, reason: "SOP Instance UID (0008,0018) '\(sop)' is not usable: \(problem)")
        }
        self.init(
            patientID: text(.patientID), patientName: text(.patientName), studyInstanceUID: text(.studyInstanceUID),
            studyDate: text(.studyDate), seriesInstanceUID: text(.seriesInstanceUID),
            seriesNumber: text(.seriesNumber), modality: text(.modality), sopInstanceUID: sop)
    }

    /// `<PatientID>`, as `ArchivePathComponent` names it.
    public var patientFolder: String { ArchivePathComponent.folderName([patientID]) }

    /// `<StudyDate>_<StudyInstanceUID>`, as `ArchivePathComponent` names the pair.
    public var studyFolder: String { ArchivePathComponent.folderName([studyDate, studyInstanceUID]) }

    /// `<SeriesNumber>_<Modality>_<SeriesInstanceUID>`, as `ArchivePathComponent` names the triple.
    public var seriesFolder: String {
        ArchivePathComponent.folderName([seriesNumber, modality, seriesInstanceUID])
    }

    /// The series folder relative to the archive root.
    public var folder: String { patientFolder + "/" + studyFolder + "/" + seriesFolder }
}
