import LucidImaging

/// A DICOM image: a parsed file with its Image Pixel description, ready to decode frames and to say
/// how each frame is meant to be displayed.
public struct DICOMImage: Sendable {
    public let file: DICOMFile
    public let pixel: ImagePixelDescription
    public let limits: ReadLimits

    /// Throws when the Image Pixel attributes are missing or contradictory.
    public init(file: DICOMFile, limits: ReadLimits = .standard) throws(DICOMError) {
        self.file = file
        self.pixel = try ImagePixelDescription(dataSet: file.dataSet, file: file.source)
        self.limits = limits
    }

    /// Reads and parses the file at `path`.
    public init(path: String, limits: ReadLimits = .standard) throws(DICOMError) {
        try self.init(file: try DICOMFile.read(path: path, limits: limits), limits: limits)
    }

    public var source: String { file.source }
    public var dataSet: DataSet { file.dataSet }

    /// Stored samples of frame `index` (0-based), offset binary as `pixel.encoding` describes, for
    /// a grayscale image of at most 16 bits stored; other images throw (see `storedFrame`).
    public func frame(_ index: Int = 0) throws(DICOMError) -> GrayImage<UInt16> {
        try PixelDataDecoder(file: file, description: pixel, limits: limits).decodeFrame(index)
    }

    /// The stored values of frame `index` (0-based), as the file holds them: grey, palette indices
    /// or colour samples (YBR not converted), 1 to 32-bit integers or floats.
    public func storedFrame(_ index: Int = 0) throws(DICOMError) -> StoredFrame {
        try PixelDataDecoder(file: file, description: pixel, limits: limits).decodeStoredFrame(index)
    }

    /// Checks, before anything is decoded or allocated, that the pixel data can be decoded within
    /// `limits`: a layout Lucid decodes, a frame and a declared image within
    /// `maximumFramePixels` and `maximumImageBytes`, native data holding every declared frame, and
    /// encapsulated data with at least one fragment per frame.
    public func checkPixelData() throws(DICOMError) {
        _ = try PixelDataDecoder(file: file, description: pixel, limits: limits).validate()
    }

    /// The display attributes of frame `index` (0-based).
    public func display(frame index: Int = 0) -> DisplayAttributes {
        DisplayAttributes(dataSet: file.dataSet, pixel: pixel, frameIndex: index)
    }
}
