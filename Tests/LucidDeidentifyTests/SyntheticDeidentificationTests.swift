import LucidDICOM
import Testing

@testable import LucidDeidentify

/// The profile's actions, its options and its marks on a small instance whose every value is known.
@Suite struct SyntheticDeidentificationTests {
    let pseudonymizer = Pseudonymizer(key: DeidentifyFixtures.key)

    func output(options: Set<ConfidentialityOption> = []) throws -> DataSet {
        let bytes = try DeidentifyFixtures.deidentifier(options: options).deidentify(SyntheticInstance.file()).bytes
        return try DICOMFile(bytes: bytes, source: "out").dataSet
    }

    @Test func theBasicProfileCleansTopLevelAndNestedValues() throws {
        let out = try output()
        let id = pseudonymizer.patientID(for: "PID12345")
        #expect(out.string(.patientID) == id)
        #expect(out.string(.patientName) == "ANON^" + id.dropFirst(5))
        #expect(out[.accessionNumber]?.length == 0)
        #expect(out[.studyDate]?.length == 0)
        #expect(out[DICOMTag(0x0010, 0x0030)]?.length == 0)
        #expect(out[DICOMTag(0x0008, 0x0080)] == nil)
        #expect(out[DICOMTag(0x0008, 0x1010)] == nil)
        #expect(out[DICOMTag(0x0018, 0x1000)] == nil)
        #expect(out[DICOMTag(0x0008, 0x002A)] == nil)
        #expect(out[DICOMTag(0x0010, 0x1010)] == nil)
        #expect(out.string(.manufacturer) == "ACME")
        #expect(!out.elements.contains { $0.tag.isPrivate })
        #expect(out.string(.sopInstanceUID) == pseudonymizer.uid(for: SyntheticInstance.sopInstanceUID))
        #expect(out.string(.studyInstanceUID) == pseudonymizer.uid(for: "1.2.3.4.5.6.7.8.2"))
        #expect(out.string(DICOMTag(0x0020, 0x0052)) == pseudonymizer.uid(for: "1.2.3.4.5.6.7.8.4"))
        let reference = try #require(out.sequence(SyntheticInstance.referencedImages)?.first)
        #expect(reference.string(.referencedSOPInstanceUID) == pseudonymizer.uid(for: SyntheticInstance.referencedUID))
        #expect(reference.string(.referencedSOPClassUID) == "1.2.840.10008.5.1.4.1.1.2")
        #expect(out[SyntheticInstance.requestAttributes] == nil)  // X
        let region = try #require(out.sequence(SyntheticInstance.anatomicRegion)?.first)
        #expect(region.string(.codeValue) == "T-D3000")
        #expect(region[.accessionNumber]?.length == 0)
        #expect(region[DICOMTag(0x0008, 0x0080)] == nil)
        #expect(region[SyntheticInstance.physician] == nil)  // Scheduled Performing Physician's Name: X
        #expect(region[.studyDate]?.length == 0)
        #expect(region.string(DICOMTag(0x0040, 0xA160)) == "ANONYMIZED")  // Text Value, not in the table
        #expect(out.rawValue(.pixelData).map(Array.init) == [1, 0, 2, 0, 3, 0, 0xA0, 0x0F])
    }

    @Test func overlaysGoWholeAndUntabledInstanceUIDsAreReplaced() throws {
        let out = try output()
        #expect(!out.elements.contains { $0.tag.group == 0x6000 })
        let event = "1.3.12.2.1107.5.1.4.11090.20240301101500"
        #expect(out.string(DICOMTag(0x0008, 0x3012)) == pseudonymizer.uid(for: event))
        #expect(out.string(.sopClassUID) == "1.2.840.10008.5.1.4.1.1.2")
    }

    @Test func aSOPIdentityOnlyFileMetaHoldsJoinsTheDataSet() throws {
        var set = WritableDataSet()
        set.set(.patientName, .PN, "DOE^JANE")
        set.set(.modality, .CS, "CT")
        let bytes =
            [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
            + (try Part10Writer.fileMeta(
                sopClassUID: "1.2.840.10008.5.1.4.1.1.2", sopInstanceUID: "1.2.3.4.99", implementationVersion: "test"))
            + (try DataSetWriter.encode(set))
        let instance = try DeidentifyFixtures.deidentifier().deidentify(DICOMFile(bytes: bytes, source: "meta.dcm"))
        let out = try DICOMFile(bytes: instance.bytes, source: "out")
        #expect(out.dataSet.string(.sopInstanceUID) == pseudonymizer.uid(for: "1.2.3.4.99"))
        #expect(out.dataSet.string(.sopClassUID) == "1.2.840.10008.5.1.4.1.1.2")
        #expect(out.fileMeta?.string(.mediaStorageSOPInstanceUID) == pseudonymizer.uid(for: "1.2.3.4.99"))
        #expect(instance.relativePath == "no-study/no-series/\(pseudonymizer.uid(for: "1.2.3.4.99")).dcm")
    }

    @Test func theMarksNameTheProfileAndItsOptions() throws {
        let plain = try output()
        #expect(plain.string(DICOMTag(0x0012, 0x0062)) == "YES")
        #expect(plain.strings(DICOMTag(0x0012, 0x0063)) == ["Basic Application Confidentiality Profile"])
        #expect(plain.sequence(DICOMTag(0x0012, 0x0064))?.map { $0.string(.codeValue) } == ["113100"])
        #expect(plain.string(DICOMTag(0x0028, 0x0303)) == "REMOVED")
        let options: Set<ConfidentialityOption> = [
            .retainDeviceIdentity, .retainInstitutionIdentity, .retainPatientCharacteristics,
            .retainLongitudinalModifiedDates,
        ]
        let marked = try output(options: options)
        let codes = marked.sequence(DICOMTag(0x0012, 0x0064))?.map { $0.string(.codeValue) ?? "" }
        #expect(codes == ["113100", "113109", "113112", "113108", "113107"])
        #expect(
            marked.sequence(DICOMTag(0x0012, 0x0064))?.allSatisfy { $0.string(.codingSchemeDesignator) == "DCM" }
                == true)
        #expect(marked.string(DICOMTag(0x0028, 0x0303)) == "MODIFIED")
    }

    @Test func modifiedDatesShiftEveryDateOfThePatientByOneOffset() throws {
        let out = try output(options: [.retainLongitudinalModifiedDates])
        let days = pseudonymizer.dayOffset(forPatientID: "PID12345")
        #expect(out.string(.studyDate) == DateShift.shiftDate("20240301", days: days))
        #expect(
            out.string(DICOMTag(0x0008, 0x002A)) == DateShift.shiftDate("20240301", days: days).map { $0 + "101530" })
        #expect(out.string(DICOMTag(0x0008, 0x0030)) == "101500")
        #expect(out.string(.studyDate) != "20240301")
    }

    @Test func retainOptionsKeepTheirColumns() throws {
        let out = try output(options: [
            .retainPatientCharacteristics, .retainDeviceIdentity, .retainInstitutionIdentity,
        ])
        #expect(out.string(DICOMTag(0x0010, 0x1010)) == "044Y")
        #expect(out.string(DICOMTag(0x0010, 0x0040)) == "F")
        #expect(out.string(DICOMTag(0x0018, 0x1000)) == "SN-4711")
        #expect(out.string(DICOMTag(0x0008, 0x1010)) == "CTROOM1")
        #expect(out.string(DICOMTag(0x0008, 0x0080)) == "ST ELSEWHERE HOSPITAL")
        #expect(out[.studyDate]?.length == 0)
        #expect(out.string(.patientID) == pseudonymizer.patientID(for: "PID12345"))
    }

    @Test func retainSafePrivateKeepsOnlyTableE3101AttributesAndTheirCreator() throws {
        let out = try output(options: [.retainSafePrivate])
        #expect(out.string(DICOMTag(0x0019, 0x0010)) == "GEMS_ACQU_01")
        #expect(out.string(DICOMTag(0x0019, 0x1023)) == "39.375")
        #expect(out[DICOMTag(0x0019, 0x1099)] == nil)
        #expect(out[DICOMTag(0x0009, 0x0010)] == nil && out[DICOMTag(0x0009, 0x1001)] == nil)
        #expect(out.sequence(DICOMTag(0x0012, 0x0064))?.map { $0.string(.codeValue) } == ["113100", "113111"])
        #expect(try output()[DICOMTag(0x0019, 0x1023)] == nil)
        #expect(SafePrivateAttributes.rowCount == 87)
    }

    @Test func burnedInTextHoldsAFileBack() throws {
        var deidentifier = Deidentifier(
            profile: ConfidentialityProfile(), pseudonymizer: pseudonymizer, implementationVersion: "test")
        let burned = try SyntheticInstance.file(burnedIn: "YES")
        #expect(throws: DeidentifyError.burnedInAnnotation(file: "synthetic.dcm")) {
            try deidentifier.deidentify(burned)
        }
        let ultrasound = try SyntheticInstance.file(modality: "US")
        #expect(throws: DeidentifyError.burnedInUnknown(file: "synthetic.dcm", modality: "US")) {
            try deidentifier.deidentify(ultrasound)
        }
        _ = try deidentifier.deidentify(SyntheticInstance.file(modality: "US", burnedIn: "NO"))
        _ = try deidentifier.deidentify(SyntheticInstance.file())
        deidentifier.allowBurnedIn = true
        deidentifier.assumeNoBurnedIn = true
        _ = try deidentifier.deidentify(burned)
        _ = try deidentifier.deidentify(ultrasound)
    }
}
