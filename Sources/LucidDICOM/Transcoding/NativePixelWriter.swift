/// Native Pixel Data in Explicit VR Little Endian (PS3.5 §8.1.1, §8.2): each stored value in a
/// Bits Allocated container, little endian, its Bits Stored bits ending at High Bit. Signed values
/// are sign-extended to the whole container, so readers that ignore Bits Stored also read them
/// right. Samples are interleaved by pixel (Planar Configuration 0); Bits Allocated 1 packs eight
/// pixels a byte, least significant bit first, frames continuing from the previous frame's last
/// bit. The value is padded to even length with a zero byte.
struct NativePixelWriter {
    let pixel: ImagePixelDescription
    private(set) var bytes: [UInt8] = []
    private var bitCount = 0

    init(_ pixel: ImagePixelDescription) {
        self.pixel = pixel
        let samples = pixel.pixelsPerFrame * pixel.samplesPerPixel * pixel.numberOfFrames
        bytes.reserveCapacity(pixel.bitsAllocated == 1 ? (samples + 7) / 8 : samples * pixel.bitsAllocated / 8)
    }

    mutating func append(_ frame: StoredFrame) {
        switch frame.samples {
        case .float32(let values):
            for value in values { appendLittleEndian(UInt64(value.bitPattern), bytes: 4) }
        case .float64(let values):
            for value in values { appendLittleEndian(value.bitPattern, bytes: 8) }
        case .uint8(let values) where pixel.bitsAllocated == 1:
            for value in values { appendBit(value & 1) }
        case .uint8(let values):
            for value in values { appendStored(UInt64(value)) }
        case .uint16(let values):
            for value in values { appendStored(UInt64(value)) }
        case .uint32(let values):
            for value in values { appendStored(UInt64(value)) }
        }
    }

    /// One stored bit pattern (masked to Bits Stored), sign-extended when signed, shifted up to
    /// High Bit and written in Bits Allocated bits.
    private mutating func appendStored(_ pattern: UInt64) {
        let stored = pixel.bitsStored
        var value = pattern
        if pixel.pixelRepresentation == 1, stored < 64, value >> UInt64(stored - 1) & 1 == 1 {
            value |= ~((1 << UInt64(stored)) - 1)
        }
        appendLittleEndian(value << UInt64(pixel.highBit + 1 - stored), bytes: pixel.bitsAllocated / 8)
    }

    private mutating func appendLittleEndian(_ value: UInt64, bytes count: Int) {
        for byte in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * byte))) }
    }

    private mutating func appendBit(_ bit: UInt8) {
        if bitCount % 8 == 0 { bytes.append(0) }
        bytes[bytes.count - 1] |= bit << UInt8(bitCount % 8)
        bitCount += 1
    }

    /// The whole element: OF or OD for Float and Double Float Pixel Data, OB for Bits Allocated up
    /// to 8, OW above (PS3.5 A.2).
    func element(file: String) throws(DICOMWriteError) -> [UInt8] {
        let vr: ValueRepresentation
        switch pixel.pixelDataTag {
        case .floatPixelData: vr = .OF
        case .doubleFloatPixelData: vr = .OD
        default: vr = pixel.bitsAllocated <= 8 ? .OB : .OW
        }
        var output: [UInt8] = []
        try DataSetWriter.encode(WritableElement(tag: pixel.pixelDataTag, vr: vr, value: .bytes(bytes)), into: &output)
        return output
    }
}
