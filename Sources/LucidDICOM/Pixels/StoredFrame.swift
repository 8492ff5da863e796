/// The samples of one decoded frame in the smallest container that holds them, interleaved by
/// pixel (for each pixel its samples in order, whatever the Planar Configuration of the file).
public enum StoredSamples: Sendable, Equatable {
    /// Bits Allocated 1 (one 0/1 sample per pixel) and 8.
    case uint8([UInt8])
    /// Bits Allocated 16.
    case uint16([UInt16])
    /// Bits Allocated 32 (integer Pixel Data).
    case uint32([UInt32])
    /// Float Pixel Data (7FE0,0008).
    case float32([Float])
    /// Double Float Pixel Data (7FE0,0009).
    case float64([Double])

    /// Number of samples held.
    public var count: Int {
        switch self {
        case .uint8(let samples): samples.count
        case .uint16(let samples): samples.count
        case .uint32(let samples): samples.count
        case .float32(let samples): samples.count
        case .float64(let samples): samples.count
        }
    }
}

/// The stored values of one frame as the file holds them (PS3.5 §8, PS3.3 C.7.6.3), before any
/// colour conversion or palette lookup: YBR stays YBR, palette indices stay indices, a 4:2:2 frame
/// is expanded to one Y, Cb and Cr per pixel. Integer samples are the stored values' bit patterns:
/// High Bit shifted down to bit `bitsStored - 1` and the bits above masked off; `storedValue(at:)`
/// sign-extends them when Pixel Representation is 1.
public struct StoredFrame: Sendable, Equatable {
    /// Columns (0028,0011).
    public let columns: Int
    /// Rows (0028,0010).
    public let rows: Int
    /// Samples per Pixel (0028,0002): 1 or 3.
    public let samplesPerPixel: Int
    /// Bits Stored (0028,0101) of integer samples; 32 or 64 for float samples.
    public let bitsStored: Int
    /// Pixel Representation (0028,0103) is 1: integer samples are two's complement.
    public let isSigned: Bool
    /// `columns * rows * samplesPerPixel` samples.
    public let samples: StoredSamples
    /// The JPEG 2000 decoder reversed a multiple-component transform (ICT or RCT): the samples are
    /// RGB whatever YBR model the Photometric Interpretation names (PS3.5 A.4.4).
    public let colorTransformUndone: Bool

    init(
        columns: Int, rows: Int, samplesPerPixel: Int, bitsStored: Int, isSigned: Bool, samples: StoredSamples,
        colorTransformUndone: Bool = false
    ) {
        precondition(samples.count == columns * rows * samplesPerPixel, "StoredFrame sample count mismatch")
        self.columns = columns
        self.rows = rows
        self.samplesPerPixel = samplesPerPixel
        self.bitsStored = bitsStored
        self.isSigned = isSigned
        self.samples = samples
        self.colorTransformUndone = colorTransformUndone
    }

    /// The stored value of sample `index` (0-based, interleaved order), sign-extended from Bits
    /// Stored when signed; float samples are rounded toward zero.
    public func storedValue(at index: Int) -> Int {
        let pattern: Int
        switch samples {
        case .uint8(let values): pattern = Int(values[index])
        case .uint16(let values): pattern = Int(values[index])
        case .uint32(let values): pattern = Int(values[index])
        case .float32(let values): return Int(exactly: values[index].rounded(.towardZero)) ?? 0
        case .float64(let values): return Int(exactly: values[index].rounded(.towardZero)) ?? 0
        }
        guard isSigned, bitsStored < 64, pattern >> (bitsStored - 1) & 1 == 1 else { return pattern }
        return pattern - (1 << bitsStored)
    }
}
