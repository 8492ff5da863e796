import LucidDICOM
import LucidTestSupport
import Testing

/// A codestream larger than the frame its DICOM header declares is refused by the codestream's own
/// header, before its decoder allocates for it, in every codestream syntax: the header's frame
/// (itself within `ReadLimits`) bounds what a file can make Lucid allocate.
@Suite struct CodestreamHeaderBoundTests {
    static let files = [
        ("mr_small_jpegls_lossless.dcm", "JPEG-LS"), ("mr_small_j2k_lossless.dcm", "JPEG 2000"),
        ("ct_enhanced_2frame_jpeg_extended12.dcm", "JPEG"),
    ]

    @Test("A DICOM header of 8x8 around a larger codestream", arguments: files)
    func smallerHeader(name: String, stream: String) throws {
        let source = try DICOMImage(path: SampleCorpus.path(name))
        let element = try #require(source.dataSet[.pixelData]?.fragments)
        let codestream = element.dropFirst().flatMap { source.dataSet.bytes(of: $0) }
        var body = DataSetBytes()
        body.us(0x0028, 0x0002, 1)
        body.text(0x0028, 0x0004, "CS", "MONOCHROME2")
        body.us(0x0028, 0x0010, 8)
        body.us(0x0028, 0x0011, 8)
        body.us(0x0028, 0x0100, 16)
        body.us(0x0028, 0x0101, UInt16(source.pixel.bitsStored))
        body.us(0x0028, 0x0102, UInt16(source.pixel.bitsStored - 1))
        body.us(0x0028, 0x0103, UInt16(source.pixel.pixelRepresentation))
        body.element(0x7FE0, 0x0010, "OB", [], length: DataSetBytes.undefined)
        body.itemStart(length: 0)
        let padded = codestream.count % 2 == 1 ? codestream + [0] : codestream
        body.itemStart(length: UInt32(padded.count))
        body.bytes += padded
        body.sequenceEnd()
        let bytes = DataSetBytes.part10(transferSyntax: source.file.transferSyntax.uid, body: body.bytes)
        let image = try DICOMImage(file: DICOMFile(bytes: bytes, source: "small.dcm"))
        #expect {
            _ = try image.storedFrame(0)
        } throws: { error in
            guard case DICOMError.codec(let file, _, 1, let reason) = error else { return false }
            return file == "small.dcm" && reason.hasPrefix("the \(stream) stream is \(source.pixel.columns)x")
                && reason.contains("the header declares 8x8")
        }
    }
}
