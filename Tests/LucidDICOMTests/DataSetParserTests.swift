import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Structure handling on hand-built data sets: sequences and items of both length kinds, nesting,
/// VR UN, private tags, odd lengths, multiple values, empty values, byte order, and broken lengths.
@Suite struct DataSetParserTests {
    static let explicitLE = "1.2.840.10008.1.2.1"
    static let implicitLE = "1.2.840.10008.1.2"
    static let explicitBE = "1.2.840.10008.1.2.2"

    func parse(_ body: DataSetBytes, syntax: String) throws(DICOMError) -> DataSet {
        try DICOMFile(bytes: DataSetBytes.part10(transferSyntax: syntax, body: body.bytes), source: "test.dcm").dataSet
    }

    @Test("Nested sequences of undefined length, with items of both kinds", arguments: [true, false])
    func nestedUndefinedSequences(explicitVR: Bool) throws {
        var body = DataSetBytes(explicitVR: explicitVR)
        body.text(0x0008, 0x0060, "CS", "CT")
        body.element(0x5200, 0x9229, "SQ", [], length: DataSetBytes.undefined)
        body.itemStart()
        body.element(0x0028, 0x9145, "SQ", [], length: DataSetBytes.undefined)
        var inner = DataSetBytes(explicitVR: explicitVR)
        inner.text(0x0028, 0x1052, "DS", "-1024")
        inner.text(0x0028, 0x1053, "DS", "1")
        body.itemStart(length: UInt32(inner.bytes.count))
        body.bytes += inner.bytes
        body.sequenceEnd()
        body.itemEnd()
        body.sequenceEnd()
        body.us(0x0028, 0x0010, 4)
        let dataSet = try parse(body, syntax: explicitVR ? Self.explicitLE : Self.implicitLE)
        let shared = try #require(dataSet.sequence(.sharedFunctionalGroupsSequence)?.first)
        let transformation = try #require(shared.sequence(.pixelValueTransformationSequence)?.first)
        #expect(transformation.double(.rescaleIntercept) == -1024)
        #expect(transformation.double(.rescaleSlope) == 1)
        #expect(dataSet.integer(.rows) == 4)
        #expect(dataSet.string(.modality) == "CT")
    }

    @Test("An undefined-length UN element is a sequence in Implicit VR Little Endian (CP-246)")
    func unknownVRSequence() throws {
        var body = DataSetBytes()
        body.element(0x0029, 0x0010, "LO", Array("ACME 1.0".utf8))
        body.element(0x0029, 0x1001, "UN", [], length: DataSetBytes.undefined)
        var implicitItem = DataSetBytes(explicitVR: false)
        implicitItem.text(0x0028, 0x1050, "DS", "40")
        body.itemStart()
        body.bytes += implicitItem.bytes
        body.itemEnd()
        body.sequenceEnd()
        body.us(0x0028, 0x0011, 7)
        let dataSet = try parse(body, syntax: Self.explicitLE)
        let item = try #require(dataSet[DICOMTag(0x0029, 0x1001)]?.items?.first)
        #expect(item.double(.windowCenter) == 40)
        #expect(dataSet.string(DICOMTag(0x0029, 0x0010)) == "ACME 1.0")
        #expect(dataSet.integer(.columns) == 7)
    }

    @Test("Multiple values, leading zeros, padding, odd lengths and empty values")
    func values() throws {
        var body = DataSetBytes()
        body.element(0x0028, 0x1050, "DS", Array("00500\\-0040.5 ".utf8))
        body.element(0x0028, 0x1051, "DS", Array(" +1.5E+02".utf8))
        body.element(0x0028, 0x1052, "DS", [])
        body.element(0x0010, 0x0010, "PN", Array("Doe^Jane".utf8) + [0x20, 0x20])
        body.element(0x0010, 0x0020, "LO", Array("ODD".utf8))
        let dataSet = try parse(body, syntax: Self.explicitLE)
        #expect(dataSet.doubles(.windowCenter) == [500, -40.5])
        #expect(dataSet.doubles(.windowWidth) == [150])
        #expect(dataSet.double(.rescaleIntercept) == nil)
        #expect(!dataSet.hasValue(.rescaleIntercept))
        #expect(dataSet.string(.patientName) == "Doe^Jane")
        #expect(dataSet.string(.patientID) == "ODD")
    }

    @Test("Explicit VR Big Endian numbers")
    func bigEndian() throws {
        var body = DataSetBytes(bigEndian: true)
        body.us(0x0028, 0x0010, 0x0102)
        body.us(0x0028, 0x3002, 4096, 0xF800, 16)
        let dataSet = try parse(body, syntax: Self.explicitBE)
        #expect(dataSet.integer(.rows) == 0x0102)
        #expect(dataSet.uint16Words(.lutDescriptor) == [4096, 0xF800, 16])
    }

    @Test("A length beyond the end of the file is reported with tag and offset")
    func invalidLength() throws {
        var body = DataSetBytes()
        body.element(0x0010, 0x0010, "PN", Array("AB".utf8), length: 5000)
        #expect {
            _ = try parse(body, syntax: Self.explicitLE)
        } throws: { error in
            guard case DICOMError.invalidLength(_, let tag, _, let length, let remaining) = error else { return false }
            return tag == .patientName && length == 5000 && remaining == 2
        }
    }

    @Test("Sequences nested past the limit are refused, not recursed into")
    func nestingLimit() throws {
        var body = DataSetBytes()
        for _ in 0..<200 {
            body.element(0x0008, 0x1140, "SQ", [], length: DataSetBytes.undefined)
            body.itemStart()
        }
        #expect {
            _ = try parse(body, syntax: Self.explicitLE)
        } throws: { error in
            guard case DICOMError.nestingTooDeep(_, _, _, let limit) = error else { return false }
            return limit == ReadLimits.standard.maximumSequenceDepth
        }
    }

    @Test("An item tag outside a sequence is malformed")
    func strayItem() throws {
        var body = DataSetBytes()
        body.itemStart(length: 0)
        #expect(throws: DICOMError.self) { _ = try parse(body, syntax: Self.explicitLE) }
    }

    @Test("Deflated data sets inflate; corrupt deflate is a typed error")
    func deflate() throws {
        let file = try DICOMFile.read(path: SampleCorpus.path("ot_deflated_8bit.dcm"))
        #expect(file.transferSyntax.isDeflated)
        #expect(file.dataSet.integer(.rows) == 512)
        let corrupt = DataSetBytes.part10(
            transferSyntax: "1.2.840.10008.1.2.1.99", body: [0xFF, 0xFF, 0x00, 0x12, 0x34])
        #expect {
            _ = try DICOMFile(bytes: corrupt, source: "bad-deflate.dcm")
        } throws: { error in
            if case DICOMError.inflateFailed(let file, _, _) = error { return file == "bad-deflate.dcm" }
            return false
        }
    }

    @Test("Unknown transfer syntaxes are named in the error")
    func unknownSyntax() throws {
        var body = DataSetBytes()
        body.us(0x0028, 0x0010, 2)
        body.us(0x0028, 0x0011, 2)
        body.us(0x0028, 0x0100, 16)
        body.element(0x7FE0, 0x0010, "OB", [], length: DataSetBytes.undefined)
        body.itemStart(length: 0)
        body.itemStart(length: 4)
        body.bytes += [1, 2, 3, 4]
        body.sequenceEnd()
        let bytes = DataSetBytes.part10(transferSyntax: "1.2.840.10008.1.2.4.102", body: body.bytes)
        let image = try DICOMImage(file: DICOMFile(bytes: bytes, source: "h264.dcm"))
        #expect {
            _ = try image.frame(0)
        } throws: { error in
            guard case DICOMError.unsupportedTransferSyntax(_, let uid, let name) = error else { return false }
            return uid == "1.2.840.10008.1.2.4.102" && name.contains("H.264")
                && error.localizedDescription.isEmpty == false
        }
    }
}
