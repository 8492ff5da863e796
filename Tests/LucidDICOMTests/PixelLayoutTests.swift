import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Pixel layouts the corpora hold few or none of, built byte by byte: 1-bit frames that do not
/// start on a byte, Float and Double Float Pixel Data, 32-bit signed data, frames found through the
/// Extended Offset Table, and the refusals of layouts the standard does not define.
@Suite struct PixelLayoutTests {
    static let explicitLE = "1.2.840.10008.1.2.1"
    static let rle = "1.2.840.10008.1.2.5"

    /// The Image Pixel module of a grayscale image, then `pixels` as the last element.
    static func file(
        rows: Int, columns: Int, frames: Int = 1, bitsAllocated: Int, bitsStored: Int? = nil, signed: Bool = false,
        syntax: String = explicitLE, extra: (inout DataSetBytes) -> Void = { _ in },
        pixels: (inout DataSetBytes) -> Void
    ) -> [UInt8] {
        var body = DataSetBytes()
        body.us(0x0028, 0x0002, 1)
        body.text(0x0028, 0x0004, "CS", "MONOCHROME2")
        if frames > 1 { body.text(0x0028, 0x0008, "IS", String(frames)) }
        body.us(0x0028, 0x0010, UInt16(rows))
        body.us(0x0028, 0x0011, UInt16(columns))
        body.us(0x0028, 0x0100, UInt16(bitsAllocated))
        if bitsAllocated <= 32 {
            let stored = bitsStored ?? bitsAllocated
            body.us(0x0028, 0x0101, UInt16(stored))
            body.us(0x0028, 0x0102, UInt16(stored - 1))
            body.us(0x0028, 0x0103, signed ? 1 : 0)
        }
        extra(&body)
        pixels(&body)
        return DataSetBytes.part10(transferSyntax: syntax, body: body.bytes)
    }

    static func read(_ bytes: [UInt8]) throws(DICOMError) -> DICOMImage {
        try DICOMImage(file: DICOMFile(bytes: bytes, source: "layout.dcm"))
    }

    static func values(_ frame: StoredFrame) -> [Int] { (0..<frame.samples.count).map(frame.storedValue(at:)) }

    @Test("1-bit frames continue from the bit where the previous frame ended, least significant bit first")
    func oneBitFrames() throws {
        // Two 3x3 frames: 18 bits. Frame 1 is bits 0-8, frame 2 bits 9-17.
        let bits: [Int] = [1, 0, 1, 1, 0, 0, 0, 1, 1] + [0, 1, 1, 0, 0, 1, 1, 1, 0]
        var packed = [UInt8](repeating: 0, count: 4)
        for (index, bit) in bits.enumerated() where bit == 1 { packed[index / 8] |= 1 << UInt8(index % 8) }
        let image = try Self.read(
            Self.file(rows: 3, columns: 3, frames: 2, bitsAllocated: 1) { $0.element(0x7FE0, 0x0010, "OB", packed) })
        #expect(Self.values(try image.storedFrame(0)) == Array(bits[0..<9]))
        #expect(Self.values(try image.storedFrame(1)) == Array(bits[9..<18]))
        #expect(try image.frame(1).pixels == bits[9..<18].map { UInt16($0) })
    }

    @Test("1-bit data one byte short of its last frame is truncated")
    func oneBitTruncated() throws {
        let bytes = Self.file(rows: 4, columns: 4, frames: 2, bitsAllocated: 1) {
            $0.element(0x7FE0, 0x0010, "OB", [0xFF, 0xFF])
        }
        #expect {
            _ = try Self.read(bytes).storedFrame(0)
        } throws: { error in
            guard case DICOMError.truncatedPixelData(_, _, let expected, let available) = error else { return false }
            return expected == 4 && available == 2
        }
    }

    @Test("32-bit signed data is sign-extended from Bits Stored")
    func signed32() throws {
        let values: [Int32] = [-2_000_000_000, -1, 0, 2_000_000_000]
        let raw = values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let image = try Self.read(
            Self.file(rows: 2, columns: 2, bitsAllocated: 32, signed: true) { $0.element(0x7FE0, 0x0010, "OB", raw) })
        #expect(Self.values(try image.storedFrame(0)) == values.map(Int.init))
    }

    @Test("Float and Double Float Pixel Data are read as IEEE values and rendered through the quantisation")
    func floatPixelData() throws {
        let floats: [Float] = [-1.5, 0, 2.25, 1000]
        let raw = floats.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) } }
        let image = try Self.read(
            Self.file(rows: 2, columns: 2, bitsAllocated: 32) { $0.element(0x7FE0, 0x0008, "OF", raw) })
        #expect(try image.storedFrame(0).samples == .float32(floats))
        let gray = try image.grayFrame(0)
        #expect(gray.image.pixels.first == 0 && gray.image.pixels.last == 65535)
        let modality = gray.display.modality
        #expect(abs(modality.modalityValue(ofStored: 0) - -1.5) < 1e-9)
        #expect(abs(modality.modalityValue(ofStored: 65535) - 1000) < 1e-9)

        let doubles: [Double] = [0.125, -3, 7, 1e6]
        let rawDoubles = doubles.flatMap { value in
            (0..<8).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * UInt64($0))) }
        }
        let double = try Self.read(
            Self.file(rows: 2, columns: 2, bitsAllocated: 64) { $0.element(0x7FE0, 0x0009, "OD", rawDoubles) })
        #expect(try double.storedFrame(0).samples == .float64(doubles))
    }

    @Test("Float Pixel Data with Bits Allocated other than 32 is refused")
    func floatWrongBits() throws {
        let bytes = Self.file(rows: 1, columns: 2, bitsAllocated: 16) {
            $0.element(0x7FE0, 0x0008, "OF", [0, 0, 0, 0])
        }
        #expect {
            _ = try Self.read(bytes).storedFrame(0)
        } throws: { error in
            guard case DICOMError.unsupportedPixelFormat(_, .bitsAllocated, let reason) = error else { return false }
            return reason.contains("Float Pixel Data (7FE0,0008) needs 32")
        }
    }

    /// One 2x1 8-bit RLE frame holding `first` and `second`, as two fragments split inside the segment.
    static func rleFragments(_ first: UInt8, _ second: UInt8) -> [[UInt8]] {
        var header = [UInt8](repeating: 0, count: 64)
        header[0] = 1
        header[4] = 64
        let frame = header + [1, first, second, 0]
        return [Array(frame[0..<40]), Array(frame[40...])]
    }

    @Test("The Extended Offset Table tells which fragments make each frame")
    func extendedOffsetTable() throws {
        let fragments = Self.rleFragments(7, 9) + Self.rleFragments(200, 3)
        func build(withTable: Bool) -> [UInt8] {
            Self.file(
                rows: 1, columns: 2, frames: 2, bitsAllocated: 8, syntax: Self.rle,
                extra: { body in
                    guard withTable else { return }
                    // Offsets from the first fragment's item tag: each fragment is 8 + its length.
                    let second = UInt64(8 + fragments[0].count + 8 + fragments[1].count)
                    let table = [UInt64(0), second].flatMap { value in
                        (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
                    }
                    body.element(0x7FE0, 0x0001, "OV", table)
                },
                pixels: { body in
                    body.element(0x7FE0, 0x0010, "OB", [], length: DataSetBytes.undefined)
                    body.itemStart(length: 0)
                    for fragment in fragments {
                        body.itemStart(length: UInt32(fragment.count))
                        body.bytes += fragment
                    }
                    body.sequenceEnd()
                })
        }
        let image = try Self.read(build(withTable: true))
        #expect(Self.values(try image.storedFrame(0)) == [7, 9])
        #expect(Self.values(try image.storedFrame(1)) == [200, 3])
        #expect {
            _ = try Self.read(build(withTable: false)).storedFrame(1)
        } throws: { error in
            guard case DICOMError.malformed(_, _, _, let reason) = error else { return false }
            return reason.contains("cannot tell which of 4 fragments")
        }
    }

    @Test("A Number of Frames that is not a number is refused, not read as 1")
    func nonNumericFrames() throws {
        var body = DataSetBytes.imagePixelModule(rows: 1, columns: 1, bitsAllocated: 8)
        body.text(0x0028, 0x0008, "IS", "1A")
        body.element(0x7FE0, 0x0010, "OB", [0, 0])
        #expect(
            throws: DICOMError.invalidAttribute(
                file: "layout.dcm", tag: .numberOfFrames, value: "1A", reason: "not a number")
        ) {
            _ = try Self.read(DataSetBytes.part10(transferSyntax: Self.explicitLE, body: body.bytes))
        }
    }
}

/// Encapsulated Pixel Data cut short inside its fragments names the frames missing, not bytes.
@Suite struct TruncatedFramesTests {
    @Test("A 3-frame RLE file cut inside its third fragment: 3 frames declared, 2 present")
    func framesCutShort() throws {
        let frame = PixelLayoutTests.rleFragments(7, 9).flatMap { $0 }
        var body = DataSetBytes.imagePixelModule(rows: 1, columns: 2, frames: 3, bitsAllocated: 8)
        body.element(0x7FE0, 0x0010, "OB", [], length: DataSetBytes.undefined)
        body.itemStart(length: 0)
        for _ in 0..<2 {
            body.itemStart(length: UInt32(frame.count))
            body.bytes += frame
        }
        body.itemStart(length: UInt32(frame.count))
        body.bytes += frame.prefix(10)  // the third fragment is cut short: the file ends here
        let bytes = DataSetBytes.part10(transferSyntax: PixelLayoutTests.rle, body: body.bytes)
        let image = try PixelLayoutTests.read(bytes)
        // Refused before any frame is decoded (PixelDataDecoder.validate counts the fragments).
        #expect {
            _ = try image.storedFrame(0)
        } throws: { error in
            guard case DICOMError.truncatedFrames(_, _, 3, let available) = error else { return false }
            return available == 2 && "\(error)".contains("declares 3 frame(s), only 2 are present")
        }
    }
}
