import LucidDICOM
import LucidDose

/// What `lucid process --report` keeps of one input while the batch runs, beside its outcome: who
/// and what the image is, and a small before/after pair of its first processed frame. Never a full
/// frame: a thumbnail is at most `ReportThumbnail.longestSide` pixels on its longest side (a few KB
/// as PNG), so a batch holds a few KB per file in flight.
public struct ReportCapture: Sendable, Equatable {
    /// The header facts of a DICOM input; nil for a 16-bit PNG input.
    public var identity: ReportIdentity?
    /// The first processed frame before and after processing; nil when no frame was rendered (a
    /// skipped or failed file, an image already archived).
    public var thumbnails: ReportThumbnails?
    /// The dose the file's header or dose report gives (`LucidDose`); nil for a 16-bit PNG input.
    public var dose: DoseFacts?

    public init(identity: ReportIdentity?, thumbnails: ReportThumbnails? = nil) {
        self.identity = identity
        self.thumbnails = thumbnails
    }
}

/// The patient, study and series of an image as the report shows them, each "" when absent.
public struct ReportIdentity: Sendable, Equatable {
    /// Patient's Name (0010,0010) as stored (`FAMILY^GIVEN`), and Patient ID (0010,0020).
    public var patientName: String
    public var patientID: String
    /// Study Instance UID (0020,000D): groups the rows into studies.
    public var studyInstanceUID: String
    /// Study Date (0008,0020), `YYYYMMDD` as stored, and Study Description (0008,1030).
    public var studyDate: String
    public var studyDescription: String
    /// Series Number (0020,0011) and Series Description (0008,103E).
    public var seriesNumber: String
    public var seriesDescription: String
    /// Modality (0008,0060), e.g. `CT`.
    public var modality: String

    public init(
        patientName: String = "", patientID: String = "", studyInstanceUID: String = "", studyDate: String = "",
        studyDescription: String = "", seriesNumber: String = "", seriesDescription: String = "", modality: String = ""
    ) {
        self.patientName = patientName
        self.patientID = patientID
        self.studyInstanceUID = studyInstanceUID
        self.studyDate = studyDate
        self.studyDescription = studyDescription
        self.seriesNumber = seriesNumber
        self.seriesDescription = seriesDescription
        self.modality = modality
    }

    /// The facts of a parsed data set (PS3.3 C.7.1.1 Patient, C.7.2.1 General Study, C.7.3.1
    /// General Series modules).
    public init(dataSet: DataSet) {
        func text(_ tag: DICOMTag) -> String { dataSet.string(tag) ?? "" }
        self.init(
            patientName: text(.patientName), patientID: text(.patientID), studyInstanceUID: text(.studyInstanceUID),
            studyDate: text(.studyDate), studyDescription: text(DICOMTag(0x0008, 0x1030)),
            seriesNumber: text(.seriesNumber), seriesDescription: text(DICOMTag(0x0008, 0x103E)),
            modality: text(.modality))
    }
}

/// The first processed frame of an image, downscaled: `before` with the image's default display
/// window and no processing step, `after` as the batch's rendition shows it.
public struct ReportThumbnails: Sendable, Equatable {
    /// The frame, from 1.
    public var frame: Int
    public var before: ReportThumbnail
    public var after: ReportThumbnail

    public init(frame: Int, before: ReportThumbnail, after: ReportThumbnail) {
        self.frame = frame
        self.before = before
        self.after = after
    }
}

/// One thumbnail: an 8-bit grey or RGB PNG file and its size in pixels.
public struct ReportThumbnail: Sendable, Equatable {
    /// 192 pixels: the longest side of a thumbnail; smaller images keep their size.
    public static let longestSide = 192

    public var png: [UInt8]
    public var width: Int
    public var height: Int

    public init(png: [UInt8], width: Int, height: Int) {
        self.png = png
        self.width = width
        self.height = height
    }
}
