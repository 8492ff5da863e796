import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// The general encoder (PS3.5 §7.1.2): padding, multiple values, binary values, sequences, order,
/// and the errors for values that do not fit their VR.
@Suite struct DataSetWriterTests {
    @Test("Odd text is padded with a space, UI with NUL, OB with a zero byte") func padding() throws {
        var dataSet = WritableDataSet()
        dataSet.set(.patientID, .LO, "ABC")
        dataSet.set(.sopClassUID, .UI, "1.2.3")
        dataSet.set(DICOMTag(0x0009, 0x0010), .OB, .bytes([7]))
        let bytes = try DataSetWriter.encode(dataSet)
        #expect(Array(bytes[0..<12]) == [0x08, 0x00, 0x16, 0x00, 0x55, 0x49, 6, 0] + Array("1.2.".utf8))
        #expect(Array(bytes[12..<14]) == [0x33, 0x00])
        #expect(Array(bytes[14..<30]) == [0x09, 0x00, 0x10, 0x00, 0x4F, 0x42, 0, 0, 2, 0, 0, 0, 7, 0] + [0x10, 0x00])
        #expect(Array(bytes[(bytes.count - 4)...]) == Array("ABC ".utf8))
    }

    @Test("Multiple values are joined with backslashes; numbers are little endian") func multipleValues() throws {
        var dataSet = WritableDataSet()
        dataSet.set(.imageType, .CS, strings: ["DERIVED", "SECONDARY", "AXIAL"])
        dataSet.set(.windowCenter, .DS, .numbers([40, -600.5]))
        dataSet.set(.rows, .US, .uint16s([512, 0x0102]))
        dataSet.set(.pixelPaddingValue, .SS, .int16s([-2000]))
        let read = try DataSetWriterTests.readBack(dataSet)
        #expect(read.strings(.imageType) == ["DERIVED", "SECONDARY", "AXIAL"])
        #expect(read.doubles(.windowCenter) == [40, -600.5])
        #expect(read.integers(.rows) == [512, 258])
        #expect(read.integer(.pixelPaddingValue) == -2000)
        let bytes = try DataSetWriter.encode(dataSet)
        let rows = try #require(bytes.firstRange(of: [0x28, 0x00, 0x10, 0x00, 0x55, 0x53]))
        #expect(Array(bytes[rows.upperBound..<(rows.upperBound + 6)]) == [4, 0, 0x00, 0x02, 0x02, 0x01])
    }

    @Test("Elements come out in ascending tag order whatever the order they were set in") func order() throws {
        var dataSet = WritableDataSet()
        dataSet.set(.pixelData, .OW, .uint16s([1, 2]))
        dataSet.set(.patientName, .PN, "Doe^Jane")
        dataSet.set(.specificCharacterSet, .CS, "ISO_IR 100")
        let structure = try Part10Structure(try DataSetWriterTests.part10(dataSet))
        #expect(structure.orderViolations.isEmpty)
        #expect(
            structure.topLevelTags.filter { $0 >> 16 != 2 } == [
                0x0008_0005, 0x0008_0016, 0x0008_0018, 0x0010_0010, 0x7FE0_0010,
            ])
    }

    @Test("Sequences use undefined lengths with item and sequence delimiters, nested") func sequences() throws {
        var inner = WritableDataSet()
        inner.set(.codeValue, .SH, "121322")
        var item = WritableDataSet()
        item.set(.referencedSOPInstanceUID, .UI, "1.2.840.99")
        item.set(.purposeOfReferenceCodeSequence, items: [inner])
        var dataSet = WritableDataSet()
        dataSet.set(.sourceImageSequence, items: [item, WritableDataSet()])
        let bytes = try DataSetWriter.encode(dataSet)
        #expect(Array(bytes[0..<12]) == [0x08, 0x00, 0x12, 0x21, 0x53, 0x51, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF])
        let ending: [UInt8] = [
            0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0, 0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0, 0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0,
        ]
        #expect(Array(bytes[(bytes.count - 32)...]) == ending)
        let read = try DataSetWriterTests.readBack(dataSet)
        let items = try #require(read[.sourceImageSequence]?.items)
        #expect(items.count == 2)
        #expect(items[0].string(.referencedSOPInstanceUID) == "1.2.840.99")
        #expect(items[0].sequence(.purposeOfReferenceCodeSequence)?.first?.string(.codeValue) == "121322")
    }

    @Test("Values that break their VR are refused with the tag named") func errors() {
        var tooLong = WritableDataSet()
        tooLong.set(.patientID, .LO, String(repeating: "x", count: 65))
        #expect(
            throws: DICOMWriteError.valueTooLong(
                tag: .patientID, vr: .LO, value: String(repeating: "x", count: 65), length: 65, maximum: 64)
        ) {
            try DataSetWriter.encode(tooLong)
        }
        var badUID = WritableDataSet()
        badUID.set(.sopInstanceUID, .UI, "1.02.3")
        #expect(
            throws: DICOMWriteError.invalidUID(
                tag: .sopInstanceUID, uid: "1.02.3", reason: "component '02' has a leading zero")
        ) {
            try DataSetWriter.encode(badUID)
        }
        var lowerCase = WritableDataSet()
        lowerCase.set(.modality, .CS, "ct")
        #expect(throws: DICOMWriteError.self) { try DataSetWriter.encode(lowerCase) }
        var wrongKind = WritableDataSet()
        wrongKind.set(.rows, .US, .strings(["512"]))
        #expect(throws: DICOMWriteError.valueDoesNotFitVR(tag: .rows, vr: .US, valueKind: "strings")) {
            try DataSetWriter.encode(wrongKind)
        }
        let message = DICOMWriteError.valueTooLong(tag: .patientID, vr: .LO, value: "x", length: 65, maximum: 64)
            .description
        #expect(message.contains("(0010,0020) PatientID") && message.contains("at most 64"))
    }

    @Test("Generated UIDs are 2.25 and the UUID as a decimal integer") func uids() {
        let uuid = UUID(uuidString: "a6b1f970-7b67-4588-b822-ad3ec875024f") ?? UUID()
        #expect(DICOMUID.fromUUID(uuid) == DICOMUID.lucidImplementationClassUID)
        let maximum = UUID(uuidString: "ffffffff-ffff-ffff-ffff-ffffffffffff") ?? UUID()
        #expect(DICOMUID.fromUUID(maximum) == "2.25.340282366920938463463374607431768211455")
        // SHA-256("abc") (FIPS 180-2 example), first 16 bytes with RFC 9562 version 8 and variant set,
        // as computed by Python's hashlib and int.from_bytes.
        let abc: [UInt8] = [
            0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
            0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad,
        ]
        #expect(DICOMUID.fromDigest(abc) == "2.25.247859944228867097191300499870369849891")
        let small = UUID(uuidString: "00000000-0000-0000-0000-00000000000a") ?? UUID()
        #expect(DICOMUID.fromUUID(small) == "2.25.10")
        let generated = DICOMUID.generate()
        #expect(DICOMUID.isValid(generated) && generated.hasPrefix("2.25.") && generated.count <= 64)
        #expect(generated != DICOMUID.generate())
    }

    @Test("DS numbers fit 16 characters") func decimalStrings() {
        #expect(DecimalString.format(-1024) == "-1024")
        #expect(DecimalString.format(0.5) == "0.5")
        #expect((DecimalString.format(1.0 / 3.0) ?? "").count <= 16)
        #expect((DecimalString.format(-1.234567890123e-7) ?? "").count <= 16)
        #expect(DecimalString.format(.nan) == nil)
    }

    static func part10(_ dataSet: WritableDataSet) throws -> [UInt8] {
        var complete = dataSet
        complete.set(.sopClassUID, .UI, DICOMUID.secondaryCaptureImageStorage)
        complete.set(.sopInstanceUID, .UI, "1.2.3.4")
        return try Part10Writer.encode(complete, implementationVersion: "0.1.0")
    }

    static func readBack(_ dataSet: WritableDataSet) throws -> DataSet {
        try DICOMFile(bytes: part10(dataSet), source: "<written>").dataSet
    }
}
