import LucidImaging

/// The Image Pixel module attributes that say how Pixel Data is laid out (PS3.3 C.7.6.3), with the
/// defaults the standard and the field use when optional ones are absent.
public struct ImagePixelDescription: Sendable, Equatable {
    /// Rows (0028,0010), 1...65535.
    public let rows: Int
    /// Columns (0028,0011), 1...65535.
    public let columns: Int
    /// Samples per Pixel (0028,0002); 1 when absent.
    public let samplesPerPixel: Int
    /// Photometric Interpretation (0028,0004); MONOCHROME2 when absent (ACR-NEMA files).
    public let photometricInterpretation: String
    /// Bits Allocated (0028,0100).
    public let bitsAllocated: Int
    /// Bits Stored (0028,0101); Bits Allocated when absent.
    public let bitsStored: Int
    /// High Bit (0028,0102); Bits Stored - 1 when absent.
    public let highBit: Int
    /// Pixel Representation (0028,0103): 0 unsigned, 1 two's complement; 0 when absent.
    public let pixelRepresentation: Int
    /// Number of Frames (0028,0008); 1 when absent.
    public let numberOfFrames: Int
    /// Planar Configuration (0028,0006), when present.
    public let planarConfiguration: Int?
    /// The element holding the pixels: Pixel Data (7FE0,0010), else Float Pixel Data (7FE0,0008)
    /// or Double Float Pixel Data (7FE0,0009) when only one of those is present (PS3.3 C.7.6.3).
    public let pixelDataTag: DICOMTag

    /// Reads the attributes; throws for a missing Rows, Columns or Bits Allocated, or values that
    /// contradict each other (Bits Stored above Bits Allocated, High Bit outside the allocated bits).
    public init(dataSet: DataSet, file: String) throws(DICOMError) {
        func required(_ tag: DICOMTag) throws(DICOMError) -> Int {
            guard dataSet.hasValue(tag) else { throw .missingAttribute(file: file, tag: tag) }
            guard let value = dataSet.integer(tag) else {
                throw .invalidAttribute(file: file, tag: tag, value: dataSet.string(tag) ?? "?", reason: "not a number")
            }
            return value
        }
        /// An attribute that may be absent (then `fallback`), but not present with a value that
        /// is not a number (Number of Frames "1A" does not mean 1).
        func optional(_ tag: DICOMTag, _ fallback: Int) throws(DICOMError) -> Int {
            guard dataSet.hasValue(tag) else { return fallback }
            guard let value = dataSet.integer(tag) else {
                throw .invalidAttribute(file: file, tag: tag, value: dataSet.string(tag) ?? "?", reason: "not a number")
            }
            return value
        }
        rows = try required(.rows)
        columns = try required(.columns)
        bitsAllocated = try required(.bitsAllocated)
        samplesPerPixel = try optional(.samplesPerPixel, 1)
        photometricInterpretation = dataSet.string(.photometricInterpretation)?.uppercased() ?? "MONOCHROME2"
        bitsStored = try optional(.bitsStored, bitsAllocated)
        highBit = try optional(.highBit, bitsStored - 1)
        pixelRepresentation = try optional(.pixelRepresentation, 0)
        numberOfFrames = try optional(.numberOfFrames, 1)
        planarConfiguration = dataSet.integer(.planarConfiguration)
        if dataSet[.pixelData] == nil, dataSet[.floatPixelData] != nil {
            pixelDataTag = .floatPixelData
        } else if dataSet[.pixelData] == nil, dataSet[.doubleFloatPixelData] != nil {
            pixelDataTag = .doubleFloatPixelData
        } else {
            pixelDataTag = .pixelData
        }

        guard (1...65535).contains(rows) else {
            throw .invalidAttribute(file: file, tag: .rows, value: String(rows), reason: "must be 1...65535")
        }
        guard (1...65535).contains(columns) else {
            throw .invalidAttribute(file: file, tag: .columns, value: String(columns), reason: "must be 1...65535")
        }
        guard (1...64).contains(bitsAllocated) else {
            throw .invalidAttribute(
                file: file, tag: .bitsAllocated, value: String(bitsAllocated), reason: "must be 1...64")
        }
        guard (1...bitsAllocated).contains(bitsStored) else {
            throw .invalidAttribute(
                file: file, tag: .bitsStored, value: String(bitsStored),
                reason: "must be 1...\(bitsAllocated) (Bits Allocated)")
        }
        guard ((bitsStored - 1)...(bitsAllocated - 1)).contains(highBit) else {
            throw .invalidAttribute(
                file: file, tag: .highBit, value: String(highBit),
                reason:
                    "must be \(bitsStored - 1)...\(bitsAllocated - 1) for \(bitsStored) bits stored in \(bitsAllocated)"
            )
        }
        guard pixelRepresentation == 0 || pixelRepresentation == 1 else {
            throw .invalidAttribute(
                file: file, tag: .pixelRepresentation, value: String(pixelRepresentation), reason: "must be 0 or 1")
        }
        guard numberOfFrames >= 1 else {
            throw .invalidAttribute(
                file: file, tag: .numberOfFrames, value: String(numberOfFrames), reason: "must be at least 1")
        }
    }

    /// True for MONOCHROME1 and MONOCHROME2 with one sample per pixel.
    public var isGrayscale: Bool {
        samplesPerPixel == 1
            && (photometricInterpretation == "MONOCHROME1" || photometricInterpretation == "MONOCHROME2")
    }

    /// Float or Double Float Pixel Data.
    public var isFloat: Bool { pixelDataTag != .pixelData }

    /// Three samples per pixel (RGB or one of the YBR models).
    public var isMultiSample: Bool { samplesPerPixel == 3 }

    /// PALETTE COLOR: one index per pixel into the Palette Color Lookup Table (PS3.3 C.7.6.3.1.5).
    public var isPaletteColor: Bool { samplesPerPixel == 1 && photometricInterpretation == "PALETTE COLOR" }

    /// Native YBR_FULL_422 or YBR_PARTIAL_422: two luminance samples share one Cb and Cr, stored
    /// Y1 Y2 Cb Cr (PS3.3 C.7.6.3.1.2); encapsulated data is expanded by its decoder.
    public var isHorizontallySubsampled: Bool {
        photometricInterpretation == "YBR_FULL_422" || photometricInterpretation == "YBR_PARTIAL_422"
    }

    /// MONOCHROME1: the minimum value is displayed white (PS3.3 C.7.6.3.1.2).
    public var isMonochrome1: Bool { photometricInterpretation == "MONOCHROME1" }

    /// Pixels in one frame.
    public var pixelsPerFrame: Int { rows * columns }

    /// How decoded samples stand for stored values (bits stored capped at 16 for the encoding).
    public var encoding: StoredValueEncoding {
        StoredValueEncoding(bitsStored: min(bitsStored, 16), isSigned: pixelRepresentation == 1)
    }
}
