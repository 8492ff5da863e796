import LucidDICOM
import Testing

@testable import LucidDeidentify

/// The Clean Descriptors Option (PS3.15 E.3.5, 113105): descriptions made of vocabulary words are
/// kept, any other gets the Basic Profile's action; code sequences keep their codes, cleaned.
@Suite struct CleanDescriptorsTests {
    static let diagnoses = DICOMTag(0x0008, 0x1084)  // Admitting Diagnoses Code Sequence: X, C
    static let protocolName = DICOMTag(0x0018, 0x1030)  // X/D, C
    static let imageComments = DICOMTag(0x0020, 0x4000)  // X, C
    static let seriesDescription = DICOMTag(0x0008, 0x103E)  // X, C
    static let studyDescription = DICOMTag(0x0008, 0x1030)  // X, C

    static func instance(patient: String = "JOHNELL^DOEDOE", study: String = "CHEST PA") throws -> DICOMFile {
        var set = WritableDataSet()
        set.set(.sopClassUID, .UI, "1.2.840.10008.5.1.4.1.1.2")
        set.set(.sopInstanceUID, .UI, "1.2.3.4.5.6.7.9.1")
        set.set(.studyInstanceUID, .UI, "1.2.3.4.5.6.7.9.2")
        set.set(.seriesInstanceUID, .UI, "1.2.3.4.5.6.7.9.3")
        set.set(.patientName, .PN, patient)
        set.set(.patientID, .LO, "PID777")
        set.set(.modality, .CS, "CT")
        set.set(studyDescription, .LO, study)
        set.set(seriesDescription, .LO, "Johnell follow up")
        set.set(protocolName, .LO, "CT HEAD W/O CONTRAST 5mm")
        set.set(imageComments, .LT, "called Mrs Miller, see PID777")
        var code = WritableDataSet()
        code.set(.codeValue, .SH, "J18.9")
        code.set(DICOMTag(0x0008, 0x0102), .SH, "I10")
        code.set(DICOMTag(0x0008, 0x0104), .LO, "Pneumonia, unspecified")
        code.set(DICOMTag(0x0040, 0xA160), .UT, "seen by Dr House on the ward")
        code.set(DICOMTag(0x0040, 0xA075), .PN, "HOUSE^GREGORY")
        set.set(diagnoses, items: [code])
        set.set(.samplesPerPixel, .US, .uint16s([1]))
        set.set(.photometricInterpretation, .CS, "MONOCHROME2")
        set.set(.rows, .US, .uint16s([1]))
        set.set(.columns, .US, .uint16s([2]))
        set.set(.bitsAllocated, .US, .uint16s([16]))
        set.set(.bitsStored, .US, .uint16s([12]))
        set.set(.highBit, .US, .uint16s([11]))
        set.set(.pixelRepresentation, .US, .uint16s([0]))
        set.set(.pixelData, .OW, .uint16s([1, 2]))
        return try DICOMFile(bytes: Part10Writer.encode(set, implementationVersion: "test"), source: "clean.dcm")
    }

    static func output(_ file: DICOMFile, options: Set<ConfidentialityOption>) throws -> DataSet {
        let bytes = try DeidentifyFixtures.deidentifier(options: options).deidentify(file).bytes
        return try DICOMFile(bytes: bytes, source: "out").dataSet
    }

    @Test func wordsOfTheVocabularyPassAndOthersDoNot() {
        for kept in ["CHEST PA", "CT HEAD W/O CONTRAST", "T2 FLAIR AX 5mm", "Abdomen C+ 120kV", "L4-S1 sag", ""] {
            #expect(DescriptorVocabulary.isClean([kept], identifying: []), "\(kept)")
        }
        for cleaned in ["Dr Miller knee", "JOHNELL^DOEDOE", "CHEST PA St Mary", "X5Z", "Müller"] {
            #expect(!DescriptorVocabulary.isClean([cleaned], identifying: []), "\(cleaned)")
        }
        #expect(!DescriptorVocabulary.isClean(["HEAD CT"], identifying: ["HEAD", "ALICE"]))
        #expect(!DescriptorVocabulary.isClean(["CHEST", "PA Smith"], identifying: []))
    }

    @Test func descriptionsAreKeptOnlyWhenEveryWordIsKnown() throws {
        let out = try Self.output(try Self.instance(), options: [.cleanDescriptors])
        #expect(out.string(Self.studyDescription) == "CHEST PA")
        #expect(out.string(Self.protocolName) == "CT HEAD W/O CONTRAST 5mm")
        #expect(out[Self.seriesDescription] == nil)  // holds the patient's name: X
        #expect(out[Self.imageComments] == nil)  // a name and the Patient ID: X
        let code = try #require(out.sequence(Self.diagnoses)?.first)
        #expect(code.string(.codeValue) == "J18.9")
        #expect(code.string(DICOMTag(0x0008, 0x0102)) == "I10")
        #expect(code.string(DICOMTag(0x0008, 0x0104)) == "Pneumonia, unspecified")
        #expect(code.string(DICOMTag(0x0040, 0xA160)) == "ANONYMIZED")
        #expect(code.string(DICOMTag(0x0040, 0xA075)) == "ANONYMIZED")  // Verifying Observer Name: D
        let codes = (out.sequence(DICOMTag(0x0012, 0x0064)) ?? []).compactMap { $0.string(.codeValue) }
        #expect(codes == ["113100", "113105"])
        #expect(out.strings(DICOMTag(0x0012, 0x0063)).contains("Clean Descriptors Option"))
    }

    @Test func aVocabularyWordThatIsThePatientsNameIsCleaned() throws {
        let out = try Self.output(
            try Self.instance(patient: "HEAD^ALICE", study: "HEAD CT"), options: [.cleanDescriptors])
        #expect(out[Self.studyDescription] == nil)
        #expect(out.string(Self.protocolName) == nil)  // HEAD is the patient's name here too
    }

    @Test func withoutTheOptionDescriptionsAndCodesGo() throws {
        let out = try Self.output(try Self.instance(), options: [])
        for tag in [
            Self.studyDescription, Self.seriesDescription, Self.protocolName, Self.imageComments, Self.diagnoses,
        ] {
            #expect(out[tag] == nil, "\(tag)")
        }
        let codes = (out.sequence(DICOMTag(0x0012, 0x0064)) ?? []).compactMap { $0.string(.codeValue) }
        #expect(codes == ["113100"])
    }
}
