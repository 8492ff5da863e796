import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// Every file of both corpora that Lucid decodes, transcoded and read back: stored values,
/// attributes and identity kept; files that do not decode refused with an error, never a crash.
@Suite struct TranscodeCorpusTests {
    @Test(
        "Explicit VR Little Endian keeps every stored value, every other element and the SOP Instance UID",
        arguments: TranscodeCheck.corpusPaths)
    func explicitLittleEndian(path: String) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let source = try? DICOMImage(path: path) else { return }
        guard let frames = TranscodeCheck.frames(source) else {
            #expect(throws: TranscodeError.self) {
                _ = try Transcoder.transcode(source, to: .explicitVRLittleEndian, implementationVersion: "0.1.0")
            }
            return
        }
        let bytes = try Transcoder.transcode(source, to: .explicitVRLittleEndian, implementationVersion: "0.1.0")
        let output = try TranscodeCheck.read(bytes, name: name)
        #expect(output.file.transferSyntax.uid == "1.2.840.10008.1.2.1")
        try TranscodeCheck.expectSameStoredValues(output, frames, name)
        TranscodeCheck.expectSameElements(source.dataSet, output.dataSet, name)
        let instance = source.dataSet.string(.sopInstanceUID)
        #expect(instance == nil || output.dataSet.string(.sopInstanceUID) == instance)
        #expect(
            output.file.fileMeta?.string(.mediaStorageSOPInstanceUID) == instance
                ?? source.file.fileMeta?.string(
                    .mediaStorageSOPInstanceUID))
        #expect(output.dataSet[.extendedOffsetTable] == nil)
        if source.pixel.samplesPerPixel == 3 {
            #expect(output.dataSet.integer(.planarConfiguration) == 0)
            let expected: String
            switch source.pixel.photometricInterpretation {
            case "YBR_FULL_422", "YBR_PARTIAL_422", "YBR_PARTIAL_420": expected = "YBR_FULL"
            case "YBR_ICT", "YBR_RCT": expected = "RGB"
            default: expected = source.pixel.photometricInterpretation
            }
            #expect(output.pixel.photometricInterpretation == expected)
        } else {
            #expect(output.pixel.photometricInterpretation == source.pixel.photometricInterpretation)
        }
        #expect(output.pixel.highBit == source.pixel.highBit)
        #expect(output.pixel.bitsAllocated == source.pixel.bitsAllocated)
    }

    @Test(
        "Lossless JPEG-LS and HTJ2K keep every stored value, one even fragment per frame behind a Basic Offset Table",
        arguments: TranscodeCheck.corpusPaths, [TargetSyntax.jpegLSLossless, .htj2kLossless])
    func compressed(path: String, target: TargetSyntax) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let source = try? DICOMImage(path: path), !source.pixel.isFloat, source.pixel.bitsAllocated > 1,
            (2...16).contains(source.pixel.bitsStored), [1, 3].contains(source.pixel.samplesPerPixel),
            let frames = TranscodeCheck.frames(source)
        else { return }
        let bytes = try Transcoder.transcode(source, to: target, implementationVersion: "0.1.0")
        let output = try TranscodeCheck.read(bytes, name: name)
        #expect(output.file.transferSyntax.uid == target.transferSyntax.uid)
        try TranscodeCheck.expectSameStoredValues(output, frames, name)
        TranscodeCheck.expectSameElements(source.dataSet, output.dataSet, name)
        let fragments = try #require(output.dataSet[.pixelData]?.fragments)
        #expect(fragments.count == frames.count + 1)
        #expect(fragments.allSatisfy { $0.length % 2 == 0 })
        // Offsets from the first fragment's item tag: 0, then each previous item's 8 + length.
        let table = Array(output.dataSet.bytes(of: fragments[0]))
        var expected: [UInt8] = []
        var position = 0
        for fragment in fragments.dropFirst() {
            expected += (0..<4).map { UInt8(truncatingIfNeeded: position >> (8 * $0)) }
            position += 8 + fragment.length
        }
        #expect(table == expected)
        #expect(output.pixel.highBit == source.pixel.bitsStored - 1)
    }
}
