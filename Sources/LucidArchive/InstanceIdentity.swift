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
    /// The archive key (`ArchiveKey`): the SOP Instance UID when conformant, else its stand-in. It
    /// names the original's file and keys the index rows, duplicates and conflicts.
    public var sopInstanceUID: String
    /// The SOP Instance UID (0008,0018) as the file states it, trimmed of padding; "" when absent.
    /// What a PACS knows the original by.
    public var statedSOPInstanceUID: String
    /// What is odd about the stated UID and how the instance was filed; nil when it is conformant.
    public var uidNote: String?

    /// - Parameters:
    ///   - statedSOPInstanceUID: the UID as the file states it; default `sopInstanceUID`.
    ///   - uidNote: nil (the default) when the stated UID is conformant and is the key.
    public init(
        patientID: String, patientName: String = "", studyInstanceUID: String, studyDate: String,
        seriesInstanceUID: String, seriesNumber: String, modality: String, sopInstanceUID: String,
        statedSOPInstanceUID: String? = nil, uidNote: String? = nil
    ) {
        self.patientID = patientID
        self.patientName = patientName
        self.studyInstanceUID = studyInstanceUID
        self.studyDate = studyDate
        self.seriesInstanceUID = seriesInstanceUID
        self.seriesNumber = seriesNumber
        self.modality = modality
        self.sopInstanceUID = sopInstanceUID
        self.statedSOPInstanceUID = statedSOPInstanceUID ?? sopInstanceUID
        self.uidNote = uidNote
    }

    /// Reads the identity of a parsed data set. Absent values become empty strings (filed as
    /// `UNKNOWN`); the SOP Instance UID gives the archive key (`ArchiveKey`), so every image can be
    /// filed, whatever its UID: an odd one is kept as stated or replaced, and `uidNote` says so.
    /// - Parameter fileSHA256: the SHA-256 of the file's bytes (lowercase hex), which keys an image
    ///   without a SOP Instance UID.
    public init(dataSet: DataSet, fileSHA256: String) {
        func text(_ tag: DICOMTag) -> String { dataSet.string(tag) ?? "" }
        let stated = text(.sopInstanceUID)
        let (key, note) = ArchiveKey.key(stated: stated, fileSHA256: fileSHA256)
        self.init(
            patientID: text(.patientID), patientName: text(.patientName), studyInstanceUID: text(.studyInstanceUID),
            studyDate: text(.studyDate), seriesInstanceUID: text(.seriesInstanceUID),
            seriesNumber: text(.seriesNumber), modality: text(.modality), sopInstanceUID: key,
            statedSOPInstanceUID: stated, uidNote: note)
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
