import LucidDICOM

/// A decoded frame in the manifests' convention: pydicom's array of stored values, C order,
/// little-endian in the listed dtype.
public enum StoredFrameBytes {
    /// The bytes pydicom's `pixel_array(raw=True)` array holds for this frame.
    public static func littleEndian(_ frame: StoredFrame, dtype: String) -> [UInt8] {
        let width: Int
        switch dtype {
        case "uint8", "int8", "bool": width = 1
        case "uint16", "int16": width = 2
        case "uint32", "int32", "float32": width = 4
        default: width = 8
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(frame.samples.count * width)
        func append(_ pattern: UInt64) {
            for byte in 0..<width { bytes.append(UInt8(truncatingIfNeeded: pattern >> (8 * UInt64(byte)))) }
        }
        switch frame.samples {
        case .float32(let values): for value in values { append(UInt64(value.bitPattern)) }
        case .float64(let values): for value in values { append(value.bitPattern) }
        default:
            for index in 0..<frame.samples.count { append(UInt64(bitPattern: Int64(frame.storedValue(at: index)))) }
        }
        return bytes
    }

    /// The expected and decoded values of one manifest probe `[row, column, value or [values]]`.
    public static func probe(_ probe: [Any], in frame: StoredFrame) throws -> (expected: [Int], actual: [Int]) {
        guard probe.count == 3, let row = probe[0] as? Int, let column = probe[1] as? Int else {
            throw SampleCorpus.Failure(description: "malformed probe \(probe)")
        }
        let expected = (probe[2] as? [Int]) ?? [(probe[2] as? Int) ?? Int.min]
        let first = (row * frame.columns + column) * frame.samplesPerPixel
        let actual = (0..<frame.samplesPerPixel).map { frame.storedValue(at: first + $0) }
        return (expected, actual)
    }

    /// How far a lossy decode may differ from a reference decoder at one sample: decoders of the
    /// same lossy stream differ in IDCT/wavelet rounding and colour upsampling by a few levels of
    /// 8-bit data, proportionally more for more bits.
    public static func lossyTolerance(bitsStored: Int) -> Int { bitsStored <= 8 ? 3 : 1 << (bitsStored - 7) }
}
