import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// Layouts the corpora hold few of, built byte by byte, and the attributes the transcoder sets:
/// 1-bit and float data, High Bit below the container's top, refusals, lossy sources, icons.
@Suite struct TranscodeLayoutTests {
    static func file(
        rows: Int, columns: Int, frames: Int = 1, bitsAllocated: Int, bitsStored: Int? = nil, highBit: Int? = nil,
        signed: Bool = false, pixels: (inout DataSetBytes) -> Void
    ) throws -> DICOMImage {
        var body = DataSetBytes()
        body.text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7")
        body.text(0x0008, 0x0018, "UI", "1.2.3.4")
        body.us(0x0028, 0x0002, 1)
        body.text(0x0028, 0x0004, "CS", "MONOCHROME2")
        if frames > 1 { body.text(0x0028, 0x0008, "IS", String(frames)) }
        body.us(0x0028, 0x0010, UInt16(rows))
        body.us(0x0028, 0x0011, UInt16(columns))
        body.us(0x0028, 0x0100, UInt16(bitsAllocated))
        let stored = bitsStored ?? bitsAllocated
        body.us(0x0028, 0x0101, UInt16(stored))
        body.us(0x0028, 0x0102, UInt16(highBit ?? stored - 1))
        body.us(0x0028, 0x0103, signed ? 1 : 0)
        pixels(&body)
        let bytes = DataSetBytes.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes)
        return try DICOMImage(file: DICOMFile(bytes: bytes, source: "layout.dcm"))
    }

    static func transcode(_ image: DICOMImage, _ target: TargetSyntax) throws -> DICOMImage {
        let bytes = try Transcoder.transcode(image, to: target, implementationVersion: "0.1.0")
        return try TranscodeCheck.read(bytes, name: "out.dcm")
    }

    static func pixelBytes(_ image: DICOMImage, _ tag: DICOMTag = .pixelData) -> [UInt8] {
        image.dataSet.rawValue(tag).map(Array.init) ?? []
    }

    @Test("1-bit frames are repacked bit by bit across frames; compressing them is refused")
    func oneBit() throws {
        let bits: [Int] = [1, 0, 1, 1, 0, 0, 0, 1, 1] + [0, 1, 1, 0, 0, 1, 1, 1, 0]
        var packed = [UInt8](repeating: 0, count: 4)
        for (index, bit) in bits.enumerated() where bit == 1 { packed[index / 8] |= 1 << UInt8(index % 8) }
        let source = try Self.file(rows: 3, columns: 3, frames: 2, bitsAllocated: 1) {
            $0.element(0x7FE0, 0x0010, "OB", packed)
        }
        let output = try Self.transcode(source, .explicitVRLittleEndian)
        #expect(Self.pixelBytes(output) == packed)
        #expect(output.dataSet[.pixelData]?.vr == .OB)
        try TranscodeCheck.expectSameStoredValues(output, [source.storedFrame(0), source.storedFrame(1)], "1-bit")
        #expect {
            _ = try Transcoder.transcode(source, to: .jpegLSLossless, implementationVersion: "0.1.0")
        } throws: { error in
            guard case .unsupported(_, .jpegLSLossless, let reason) = error as? TranscodeError else { return false }
            return reason.contains("1-bit")
        }
    }

    @Test("Float Pixel Data is kept bit for bit as OF; compressing it is refused")
    func float() throws {
        let floats: [Float] = [-1.5, 0, 2.25, 1000]
        let raw = floats.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) } }
        let source = try Self.file(rows: 2, columns: 2, bitsAllocated: 32) { $0.element(0x7FE0, 0x0008, "OF", raw) }
        let output = try Self.transcode(source, .explicitVRLittleEndian)
        #expect(Self.pixelBytes(output, .floatPixelData) == raw)
        #expect(output.dataSet[.floatPixelData]?.vr == .OF)
        #expect(try output.storedFrame(0).samples == .float32(floats))
        #expect(throws: TranscodeError.self) {
            _ = try Transcoder.transcode(source, to: .jpegLSLossless, implementationVersion: "0.1.0")
        }
    }

    @Test("Signed 12 bits stored under High Bit 13: written sign-extended and shifted; JPEG-LS sets High Bit 11")
    func highBitAndSign() throws {
        // Stored values -2048, -1, 0, 2047 as 12-bit patterns at bits 2...13, bits 14-15 zero.
        let patterns: [UInt16] = [0x800, 0xFFF, 0x000, 0x7FF]
        let raw = patterns.flatMap { [UInt8(truncatingIfNeeded: $0 << 2), UInt8(truncatingIfNeeded: ($0 << 2) >> 8)] }
        let source = try Self.file(rows: 2, columns: 2, bitsAllocated: 16, bitsStored: 12, highBit: 13, signed: true) {
            $0.element(0x7FE0, 0x0010, "OW", raw)
        }
        let output = try Self.transcode(source, .explicitVRLittleEndian)
        let words: [UInt16] = [0xE000, 0xFFFC, 0x0000, 0x1FFC]
        #expect(Self.pixelBytes(output) == words.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(output.pixel.highBit == 13)
        let values = try output.storedFrame(0)
        #expect((0..<4).map(values.storedValue(at:)) == [-2048, -1, 0, 2047])
        let compressed = try Self.transcode(source, .jpegLSLossless)
        #expect(compressed.pixel.highBit == 11)
        let decoded = try compressed.storedFrame(0)
        #expect((0..<4).map(decoded.storedValue(at:)) == [-2048, -1, 0, 2047])
    }

    @Test("Signed 12 bits stored in HTJ2K: precision and sign declared, values back exactly")
    func htj2kSigned() throws {
        let source = try DICOMImage(path: SampleCorpus.path("mr_small_evrle.dcm"))
        let compressed = try Self.transcode(source, .htj2kLossless)
        #expect(compressed.file.transferSyntax.uid == "1.2.840.10008.1.2.4.201")
        let expected = try source.storedFrame(0), actual = try compressed.storedFrame(0)
        #expect((0..<expected.samples.count).allSatisfy { expected.storedValue(at: $0) == actual.storedValue(at: $0) })
    }

    @Test("Lossy sources say so: Lossy Image Compression 01, method and ratio added when absent")
    func lossyAttributes() throws {
        func attributes(_ path: String) throws -> [String?] {
            let output = try Self.transcode(try DICOMImage(path: path), .explicitVRLittleEndian)
            return [
                output.dataSet.string(.lossyImageCompression), output.dataSet.string(.lossyImageCompressionMethod),
                output.dataSet.string(.lossyImageCompressionRatio),
            ]
        }
        let jpeg = try attributes(SampleCorpus.codecsPath("JPEGBaseline__JPEGBaseline_1s_1f_u_08_08.dcm"))
        #expect(jpeg[0] == "01" && jpeg[1] == "ISO_10918_1" && jpeg[2] != nil)
        let nearLossless = try attributes(SampleCorpus.path("ct_enhanced_2frame_jpegls_near_lossless.dcm"))
        #expect(nearLossless[0] == "01" && nearLossless[1] == "ISO_14495_1")
        let irreversible = try attributes(SampleCorpus.codecsPath("JPEG2000__MR2_J2KI.dcm"))
        #expect(irreversible[0] == "01" && irreversible[1] == "ISO_15444_1")
        let lossless = try DICOMImage(path: SampleCorpus.path("mr_small_jpegls_lossless.dcm"))
        let kept = try Self.transcode(lossless, .explicitVRLittleEndian)
        #expect(kept.dataSet.string(.lossyImageCompression) == lossless.dataSet.string(.lossyImageCompression))
        #expect(kept.dataSet[.lossyImageCompressionMethod] == nil)
    }

    @Test("An encapsulated icon is decoded to native for Explicit VR Little Endian, compressed again for JPEG-LS")
    func icon() throws {
        let source = try DICOMImage(path: SampleCorpus.path("mg_ge_sigmoid_3windows_jpegll.dcm"))
        let iconTag = DICOMTag(0x0088, 0x0200)
        let native = try Self.transcode(source, .explicitVRLittleEndian)
        let nativeIcon = try #require(native.dataSet.sequence(iconTag)?.first)
        #expect(nativeIcon[.pixelData]?.fragments == nil)
        #expect(nativeIcon.rawValue(.pixelData)?.count == 64 * 50)
        let compressed = try Self.transcode(source, .jpegLSLossless)
        let compressedIcon = try #require(compressed.dataSet.sequence(iconTag)?.first)
        #expect(compressedIcon[.pixelData]?.fragments?.count == 2)
    }
}
