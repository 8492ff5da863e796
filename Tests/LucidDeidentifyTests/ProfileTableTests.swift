import LucidDICOM
import Testing

@testable import LucidDeidentify

/// PS3.15 Table E.1-1 as data: spot checks of rows against the table text the generator read
/// (Sources/LucidDeidentify/generate_confidentiality_profile.py names it), and every cell parsed.
@Suite struct ProfileTableTests {
    func basic(_ group: UInt16, _ element: UInt16) -> String? {
        ConfidentialityProfile.rule(for: DICOMTag(group, element))?.basic.description
    }

    @Test func basicProfileRowsMatchTheTable() {
        #expect(basic(0x0010, 0x0010) == "Z")  // Patient's Name
        #expect(basic(0x0010, 0x0020) == "Z/D")  // Patient ID
        #expect(basic(0x0020, 0x000D) == "U")  // Study Instance UID
        #expect(basic(0x0020, 0x000E) == "U")  // Series Instance UID
        #expect(basic(0x0008, 0x0018) == "U")  // SOP Instance UID
        #expect(basic(0x0008, 0x0050) == "Z")  // Accession Number
        #expect(basic(0x0008, 0x0080) == "X/Z/D")  // Institution Name
        #expect(basic(0x0008, 0x0090) == "Z")  // Referring Physician's Name
        #expect(basic(0x0008, 0x0020) == "Z")  // Study Date
        #expect(basic(0x0008, 0x0023) == "Z/D")  // Content Date
        #expect(basic(0x0008, 0x0021) == "X/D")  // Series Date
        #expect(basic(0x0008, 0x002A) == "X/Z/D")  // Acquisition DateTime
        #expect(basic(0x0008, 0x2112) == "X/Z/U*")  // Source Image Sequence
        #expect(basic(0x0008, 0x1155) == "U")  // Referenced SOP Instance UID
        #expect(basic(0x0040, 0xA730) == "D")  // Content Sequence
        #expect(basic(0x0018, 0x1010) == "X")  // Secondary Capture Device ID, a 2026c row
        #expect(basic(0x0028, 0x0010) == nil)  // Rows: not in the table
    }

    @Test func optionColumnsMatchTheTable() throws {
        let institution = try #require(ConfidentialityProfile.rule(for: DICOMTag(0x0008, 0x0080)))
        #expect(institution.options[.retainInstitutionIdentity]?.description == "K")
        let studyDate = try #require(ConfidentialityProfile.rule(for: DICOMTag(0x0008, 0x0020)))
        #expect(studyDate.options[.retainLongitudinalFullDates]?.description == "K")
        #expect(studyDate.options[.retainLongitudinalModifiedDates]?.description == "C")
        let age = try #require(ConfidentialityProfile.rule(for: DICOMTag(0x0010, 0x1010)))
        #expect(age.basic.description == "X")
        #expect(age.options[.retainPatientCharacteristics]?.description == "K")
        let serial = try #require(ConfidentialityProfile.rule(for: DICOMTag(0x0018, 0x1000)))
        #expect(serial.basic.description == "X/Z/D")
        #expect(serial.options[.retainDeviceIdentity]?.description == "K")
        let studyUID = try #require(ConfidentialityProfile.rule(for: DICOMTag(0x0020, 0x000D)))
        #expect(studyUID.options[.retainUIDs]?.description == "K")
    }

    @Test func repeatingGroupsAndPrivateAttributesHaveRows() {
        #expect(basic(0x6002, 0x3000) == "X")  // Overlay Data, 60xx
        #expect(basic(0x5010, 0x0020) == "X")  // Curve Data, 50xx
        #expect(basic(0x0019, 0x1001) == "X")  // a private attribute
        #expect(
            ConfidentialityProfile.rule(for: DICOMTag(0x0029, 0x0010))?.options[.retainSafePrivate]?.description == "C")
    }

    @Test func everyCellParses() {
        #expect(ConfidentialityProfile.unparsedCells.isEmpty)
        #expect(ConfidentialityProfile.rowCount == 656)
    }

    @Test func actionCodesParseAndResolveByType() throws {
        for code in ["D", "Z", "X", "K", "C", "U", "Z/D", "X/Z", "X/D", "X/Z/D", "X/Z/U*"] {
            #expect(ProfileAction(code: code)?.description == code)
        }
        for bad in ["", "Q", "X/", "U*/X", "X/X", "Z*", "XZ"] { #expect(ProfileAction(code: bad) == nil) }
        let xzd = try #require(ProfileAction(code: "X/Z/D"))
        #expect(xzd.resolved(type: .type1) == .dummy)
        #expect(xzd.resolved(type: .type2) == .empty)
        #expect(xzd.resolved(type: .type3) == .remove)
        #expect(xzd.resolved(type: nil) == .remove)
        #expect(try #require(ProfileAction(code: "Z/D")).resolved(type: nil) == .empty)
        #expect(try #require(ProfileAction(code: "Z/D")).resolved(type: .type1) == .dummy)
        #expect(try #require(ProfileAction(code: "X/D")).resolved(type: .type2) == .remove)
        #expect(try #require(ProfileAction(code: "X/Z/U*")).resolved(type: .type3) == .uid)
    }

    @Test func optionsOverrideTheBasicProfile() throws {
        let plain = ConfidentialityProfile()
        let keeping = ConfidentialityProfile(options: [.retainInstitutionIdentity])
        #expect(plain.action(for: DICOMTag(0x0008, 0x0080))?.action.description == "X/Z/D")
        #expect(keeping.action(for: DICOMTag(0x0008, 0x0080))?.action.description == "K")
        #expect(keeping.action(for: DICOMTag(0x0008, 0x0080))?.option == .retainInstitutionIdentity)
    }
}
