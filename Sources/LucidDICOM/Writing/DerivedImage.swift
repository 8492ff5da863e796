import Foundation
import LucidImaging

/// A processed frame of a DICOM image, written as a new derived image of the same study
/// (PS3.3 C.7.6.1.1.2 Image Type DERIVED\SECONDARY, C.7.6.1 Derivation Description and Source
/// Image Sequence).
///
/// The SOP Class kept or chosen, and the attributes copied, follow `DerivedImage.Plan`:
/// single-frame CT, MR, CR and Secondary Capture images keep their SOP Class when the source has
/// every Type 1 attribute of the IOD's image modules; everything else (enhanced multi-frame
/// images, multi-frame sources, other classes, a resized result) becomes Secondary Capture Image
/// Storage (1.2.840.10008.5.1.4.1.1.7) without functional groups.
///
/// The processed samples keep the source's stored-value meaning, so the Modality LUT (Rescale
/// Slope/Intercept/Type or Modality LUT Sequence) is copied, and the window is given in the same
/// modality units.
public struct DerivedImage: Sendable {
    public let source: DICOMImage
    /// The source frame, 0-based.
    public let frameIndex: Int
    /// The processed samples, offset binary as `encoding` says.
    public let processed: GrayImage<UInt16>
    public let encoding: StoredValueEncoding
    /// How the image was derived, in words (the steps, the window, the preset): written whole as
    /// Derivation Description (0008,2111, ST, at most 1024 bytes); a longer text is cut there after
    /// its last step or word that fits, marked `... (continued in Image Comments)`, and written whole
    /// as Image Comments (0020,4000, LT, at most 10240 bytes).
    public let recipe: String
    /// Series Description (0008,103E, LO, at most 64 bytes); nil: `Lucid ` and `recipe`. A longer
    /// text is cut after its last step or word that fits, marked `...`.
    public var seriesDescription: String?
    /// The transfer syntax of the file `encode()` writes: native Explicit VR Little Endian (the
    /// default), or lossless JPEG-LS or HTJ2K with one fragment per frame (PS3.5 A.4).
    public var transferSyntax: TargetSyntax = .explicitVRLittleEndian
    /// The window used for display, in modality units; nil when a VOI LUT of the source was used
    /// (its VOI LUT Sequence is then copied).
    public let window: Window?
    public var seriesInstanceUID: String
    public var sopInstanceUID: String
    /// Study Instance UID (0020,000D, Type 1, PS3.3 C.7.2.1) written when the source has none;
    /// nil: a new UID is generated. Pass one value for every image derived from one source series,
    /// so that they stay in one study.
    public var studyInstanceUIDWhenAbsent: String?
    /// Added to the source's Series Number (0 when absent) for the derived series.
    public var seriesNumberOffset: Int = 1000
    /// Derivation Code Sequence (0008,9215) items (CID 7203); omitted when empty (it is Type 3).
    public var derivationCodes: [CodedConcept] = []
    /// Content Date/Time (and Date/Time of Secondary Capture).
    public var contentDate: Date
    public var timeZone: TimeZone = .current
    /// The writing software's version: Implementation Version Name `LUCID_<version>` and Secondary
    /// Capture Device Software Versions.
    public var softwareVersion: String

    /// A derived image of frame `frameIndex` (0-based) of `source`. New Series and SOP Instance
    /// UIDs are generated unless given; pass the same Series Instance UID for every image derived
    /// from one source series with one recipe so that they form one series.
    public init(
        source: DICOMImage, frameIndex: Int = 0, processed: GrayImage<UInt16>, encoding: StoredValueEncoding,
        recipe: String, window: Window?, softwareVersion: String,
        seriesInstanceUID: String = DICOMUID.generate(), sopInstanceUID: String = DICOMUID.generate(),
        contentDate: Date = Date()
    ) {
        self.source = source
        self.frameIndex = frameIndex
        self.processed = processed
        self.encoding = encoding
        self.recipe = recipe
        self.window = window
        self.softwareVersion = softwareVersion
        self.seriesInstanceUID = seriesInstanceUID
        self.sopInstanceUID = sopInstanceUID
        self.contentDate = contentDate
    }

    /// A derived image of frame `frameIndex` of a parsed file.
    public init(
        file: DICOMFile, frameIndex: Int = 0, processed: GrayImage<UInt16>, encoding: StoredValueEncoding,
        recipe: String, window: Window?, softwareVersion: String
    ) throws(DICOMError) {
        self.init(
            source: try DICOMImage(file: file), frameIndex: frameIndex, processed: processed, encoding: encoding,
            recipe: recipe, window: window, softwareVersion: softwareVersion)
    }

    /// The derived data set (without File Meta).
    public func dataSet() throws(DICOMWriteError) -> WritableDataSet {
        try validateInputs()
        let plan = Plan(source: source, processedSize: (processed.width, processed.height), encoding: encoding)
        var builder = try DerivedDataSetBuilder(image: self, plan: plan)
        try builder.build()
        return builder.output
    }

    private func validateInputs() throws(DICOMWriteError) {
        let frames = source.pixel.numberOfFrames
        guard (0..<frames).contains(frameIndex) else {
            throw .frameOutOfRange(frame: frameIndex + 1, frameCount: frames)
        }
        guard processed.width <= 65535, processed.height <= 65535 else {
            throw .imageTooLarge(
                width: processed.width, height: processed.height, reason: "Rows and Columns are at most 65535")
        }
        guard processed.pixels.count * 2 <= 0xFFFF_FFFE else {
            throw .imageTooLarge(
                width: processed.width, height: processed.height, reason: "Pixel Data is at most 2^32 - 2 bytes")
        }
        // The largest sample first (one vectorisable pass), the offending one only when there is one.
        let maximum = encoding.maximumSample
        if Int(processed.pixels.max() ?? 0) > maximum, let sample = processed.pixels.first(where: { Int($0) > maximum })
        {
            throw .imageMismatch(
                reason: "sample \(sample) exceeds \(encoding.maximumSample), the largest of \(encoding.bitsStored) bits"
            )
        }
        for uid in [seriesInstanceUID, sopInstanceUID] + (studyInstanceUIDWhenAbsent.map { [$0] } ?? []) {
            if let problem = DICOMUID.problem(uid) { throw .invalidUID(tag: nil, uid: uid, reason: problem) }
        }
        if let window, !window.isValid {
            throw .invalidWindow(center: window.center, width: window.width, function: window.function.rawValue)
        }
    }
}
