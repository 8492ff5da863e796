import Foundation
import LucidCodecs
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// The memory a header may make Lucid allocate: Rows x Columns x Frames x Bits Allocated checked
/// before any frame is decoded, against the bytes present (native), the fragments present
/// (encapsulated) and `ReadLimits.maximumImageBytes`; every decoder's buffer bounded by the frame.
@Suite struct ImageMemoryLimitTests {
    static let explicitLE = "1.2.840.10008.1.2.1"
    static let explicitBE = "1.2.840.10008.1.2.2"
    static let rle = "1.2.840.10008.1.2.5"
    static let jpegBaseline = "1.2.840.10008.1.2.4.50"
    static let jpegLossless = "1.2.840.10008.1.2.4.70"

    /// The Image Pixel module, then native Pixel Data `native` or encapsulated `fragments` (after an
    /// empty Basic Offset Table).
    static func image(
        rows: Int, columns: Int, frames: String? = nil, bitsAllocated: Int = 16, syntax: String = explicitLE,
        native: [UInt8]? = nil, fragments: [[UInt8]] = [], pixelVR: String = "OW"
    ) -> [UInt8] {
        var body = DataSetBytes(explicitVR: true, bigEndian: syntax == explicitBE)
        body.us(0x0028, 0x0002, 1)
        body.text(0x0028, 0x0004, "CS", "MONOCHROME2")
        if let frames { body.text(0x0028, 0x0008, "IS", frames) }
        body.us(0x0028, 0x0010, UInt16(rows))
        body.us(0x0028, 0x0011, UInt16(columns))
        body.us(0x0028, 0x0100, UInt16(bitsAllocated))
        body.us(0x0028, 0x0101, UInt16(bitsAllocated))
        body.us(0x0028, 0x0102, UInt16(bitsAllocated - 1))
        body.us(0x0028, 0x0103, 0)
        if let native {
            body.element(0x7FE0, 0x0010, pixelVR, native)
        } else {
            body.element(0x7FE0, 0x0010, "OB", [], length: DataSetBytes.undefined)
            body.itemStart(length: 0)
            for fragment in fragments {
                body.itemStart(length: UInt32(fragment.count))
                body.bytes += fragment
            }
            body.sequenceEnd()
        }
        return DataSetBytes.part10(transferSyntax: syntax, body: body.bytes)
    }

    static func decode(_ bytes: [UInt8], limits: ReadLimits = .standard, frame: Int = 0) throws(DICOMError)
        -> GrayImage<UInt16>
    {
        let image = try DICOMImage(file: DICOMFile(bytes: bytes, source: "image.dcm", limits: limits), limits: limits)
        try image.checkPixelData()
        return try image.frame(frame)
    }

    @Test("a native multi-frame image at the ceiling decodes; one byte under it is refused before decoding")
    func nativeCeiling() throws {
        let bytes = Self.image(rows: 16, columns: 16, frames: "4", native: [UInt8](repeating: 3, count: 2048))
        #expect(try Self.decode(bytes, limits: ReadLimits(maximumImageBytes: 2048), frame: 3).pixels.count == 256)
        #expect {
            _ = try Self.decode(bytes, limits: ReadLimits(maximumImageBytes: 2047))
        } throws: { error in
            guard case DICOMError.tooLarge("image.dcm", .pixelData?, let offset?, .imageBytes, 2048, 2047) = error
            else { return false }
            return offset > 132 && "\(error)".contains("--max-image-memory")
        }
    }

    @Test("native data must hold every declared frame, checked against the bytes present")
    func nativeFramesPresent() throws {
        let bytes = Self.image(rows: 16, columns: 16, frames: "5", native: [UInt8](repeating: 3, count: 2048))
        let offset = try #require(try DICOMFile(bytes: bytes, source: "image.dcm").dataSet[.pixelData]).offset
        #expect(
            throws: DICOMError.truncatedPixelData(
                file: "image.dcm", offset: offset, expectedBytes: 2560, availableBytes: 2048)
        ) {
            _ = try Self.decode(bytes)
        }
    }

    @Test("a Number of Frames in the trillions, or past Int, is refused, never multiplied into a crash")
    func absurdFrameCounts() throws {
        for (frames, value) in [("1099511627776", 1 << 57), ("8000000000000000", Int.max)] {
            let bytes = Self.image(rows: 256, columns: 256, frames: frames, native: [UInt8](repeating: 0, count: 512))
            #expect {
                _ = try Self.decode(bytes)
            } throws: { error in
                guard case DICOMError.tooLarge(_, .numberOfFrames?, _, .frames, let reported, 20_000) = error else {
                    return false
                }
                return "\(reported)" == frames
            }
            #expect {
                _ = try Self.decode(bytes, limits: ReadLimits(maximumFrames: .max))
            } throws: { error in
                guard case DICOMError.tooLarge(_, .pixelData?, _, .imageBytes, let reported, _) = error else {
                    return false
                }
                return reported == value
            }
        }
    }

    @Test("encapsulated data with fewer fragments than frames is refused before any frame is decoded")
    func framesAgainstFragments() throws {
        let bytes = Self.image(rows: 8, columns: 8, frames: "20000", syntax: Self.rle, fragments: [[0], [0]])
        #expect {
            _ = try Self.decode(bytes)
        } throws: { error in
            guard case DICOMError.malformed("image.dcm", .numberOfFrames?, _, let reason) = error else { return false }
            return reason.hasPrefix("Number of Frames is 20000 but Pixel Data holds only 2 fragment(s)")
        }
    }

    @Test("an RLE segment too short for the frame is refused before its plane is allocated")
    func shortRLESegment() throws {
        var frame = [UInt8](repeating: 0, count: 64)
        frame[0] = 2
        frame[4] = 64
        frame[8] = 68
        frame += [0x81, 0, 0x81, 0]  // two replicate runs of 128 bytes each
        let bytes = Self.image(rows: 256, columns: 256, syntax: Self.rle, fragments: [frame])
        #expect {
            _ = try Self.decode(bytes)
        } throws: { error in
            guard case DICOMError.codec("image.dcm", _, 1, let reason) = error else { return false }
            return reason == "segment 1 has 4 bytes, too few to decode to 65536"
        }
    }

    @Test("a JPEG stream larger than the header's frame is refused before libjpeg allocates for it")
    func jpegLargerThanFrame() throws {
        let stream = try JPEGCodec.encode(
            GrayImage(width: 20, height: 10, pixels: [UInt8](repeating: 9, count: 200)), quality: 90)
        let bytes = Self.image(rows: 4, columns: 4, bitsAllocated: 8, syntax: Self.jpegBaseline, fragments: [stream])
        #expect(
            throws: DICOMError.codec(
                file: "image.dcm", transferSyntax: "JPEG Baseline (Process 1)", frame: 1,
                reason: "the JPEG stream is 20x10 with 1 component(s), the header declares 4x4 with 1")
        ) {
            _ = try Self.decode(bytes)
        }
    }

    /// A grayscale baseline stream whose frame header (SOF0) is made to declare three components,
    /// cut right after its scan header: its samples could never be decoded.
    static func threeComponentHeader(width: Int, height: Int) throws -> [UInt8] {
        let gray = try JPEGCodec.encode(
            GrayImage(width: width, height: height, pixels: [UInt8](repeating: 9, count: width * height)), quality: 90)
        let sof = try #require((0..<(gray.count - 1)).first { gray[$0] == 0xFF && gray[$0 + 1] == 0xC0 })
        let sos = try #require((0..<(gray.count - 1)).first { gray[$0] == 0xFF && gray[$0 + 1] == 0xDA })
        let sofLength = Int(gray[sof + 2]) << 8 | Int(gray[sof + 3])
        let sosLength = Int(gray[sos + 2]) << 8 | Int(gray[sos + 3])
        var frame: [UInt8] = [0xFF, 0xC0, 0, 17] + Array(gray[(sof + 4)..<(sof + 9)]) + [3]
        for component in 1...3 { frame += [UInt8(component), 0x11, 0] }
        return Array(gray[0..<sof]) + frame + Array(gray[(sof + 2 + sofLength)..<(sos + 2 + sosLength)]) + [0x12, 0x34]
    }

    @Test("a JPEG stream of more components than the header's frame is refused by its header, before libjpeg decodes")
    func jpegComponentsBeyondFrame() throws {
        let stream = try Self.threeComponentHeader(width: 16, height: 16)
        #expect(try JPEGCodec.readHeader(stream).components == 3)
        let bytes = Self.image(rows: 16, columns: 16, bitsAllocated: 8, syntax: Self.jpegBaseline, fragments: [stream])
        #expect(
            throws: DICOMError.codec(
                file: "image.dcm", transferSyntax: "JPEG Baseline (Process 1)", frame: 1,
                reason: "the JPEG stream is 16x16 with 3 component(s), the header declares 16x16 with 1")
        ) {
            _ = try Self.decode(bytes)
        }
    }

    @Test("JPEG Lossless honours the caller's sample limit before allocating")
    func jpegLosslessSampleLimit() throws {
        let encoder = JPEGLosslessTestEncoder(width: 64, height: 64, components: 1, precision: 12)
        let stream = encoder.encode([UInt16](repeating: 100, count: 64 * 64))
        #expect(throws: JPEGLosslessError.imageTooLarge(width: 64, height: 64, components: 1)) {
            _ = try JPEGLosslessDecoder.decode(stream, maximumSampleCount: 64 * 64 - 1)
        }
        #expect(try JPEGLosslessDecoder.decode(stream, maximumSampleCount: 64 * 64).samples.count == 64 * 64)
        let bytes = Self.image(rows: 8, columns: 8, syntax: Self.jpegLossless, fragments: [stream])
        #expect {
            _ = try Self.decode(bytes)
        } throws: { error in
            guard case DICOMError.codec(_, _, 1, let reason) = error else { return false }
            return reason == "the JPEG stream is 64x64 with 1 component(s), the header declares 8x8 with 1"
        }
    }

    @Test("byte-swapped 8-bit OW big endian data of odd size must hold its pad byte")
    func swappedOddEightBit() throws {
        let exact = Self.image(
            rows: 3, columns: 3, bitsAllocated: 8, syntax: Self.explicitBE, native: [UInt8](1...9))
        #expect {
            _ = try Self.decode(exact)
        } throws: { error in
            guard case DICOMError.truncatedPixelData(_, _, 10, 9) = error else { return false }
            return true
        }
        let padded = Self.image(
            rows: 3, columns: 3, bitsAllocated: 8, syntax: Self.explicitBE, native: [UInt8](1...10))
        #expect(try Self.decode(padded).pixels == [2, 1, 4, 3, 6, 5, 8, 7, 10])
    }
}
