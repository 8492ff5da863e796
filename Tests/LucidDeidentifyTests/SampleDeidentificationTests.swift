import LucidDICOM
import LucidTestSupport
import Testing

@testable import LucidDeidentify

/// The engine on every real file of the sample sets (images and dose reports).
@Suite struct SampleDeidentificationTests {
    struct Run {
        let path: String
        let input: DICOMFile
        let bytes: [UInt8]
        let output: DICOMFile
    }

    func runs(key: [UInt8] = DeidentifyFixtures.key, options: Set<ConfidentialityOption> = []) throws -> [Run] {
        let deidentifier = DeidentifyFixtures.deidentifier(key: key, options: options)
        var runs: [Run] = []
        for path in try DeidentifyFixtures.samplePaths() {
            let name = String(path.split(separator: "/").last ?? "")
            guard let input = try? DICOMFile.read(path: path) else { continue }
            if DeidentifyFixtures.refused.contains(name) {
                #expect(throws: DeidentifyError.self) { try deidentifier.deidentify(input) }
                continue
            }
            let bytes = try deidentifier.deidentify(input).bytes
            runs.append(Run(path: path, input: input, bytes: bytes, output: try DICOMFile(bytes: bytes, source: path)))
        }
        #expect(runs.count >= 60)
        return runs
    }

    @Test func noIdentifyingValueOfTheInputIsLeft() throws {
        for run in try runs() {
            let header = DeidentifyFixtures.headerBytes(of: run.bytes, file: run.output)
            let kept = DeidentifyFixtures.otherValues(of: run.input.dataSet)
            let values = DeidentifyFixtures.identifyingValues(of: run.input.dataSet).filter { value in
                !kept.contains { $0.contains(value) }
            }
            // Raw bytes for values of 6 characters or more (shorter digit runs occur in binary
            // values by chance); every text value of the output for the shorter ones.
            // (The keyed UIDs are left out: their digits may spell anything.)
            let texts = DeidentifyFixtures.textValues(of: run.output.dataSet).filter { !$0.hasPrefix("2.25.") }
            let left = values.filter { value in
                value.utf8.count >= 6
                    ? DeidentifyFixtures.contains(header, Array(value.utf8))
                    : texts.contains { $0.contains(value) }
            }
            #expect(left.isEmpty, "\(run.path) still holds \(left.sorted())")
            #expect(run.output.dataSet.string(DICOMTag(0x0012, 0x0062)) == "YES")
            #expect(run.output.dataSet.strings(.patientName).allSatisfy { $0.hasPrefix("ANON^") })
            #expect(run.output.dataSet.string(DICOMTag(0x0028, 0x0303)) == "REMOVED")
            #expect(!run.output.dataSet.elements.contains { $0.tag.isPrivate }, "\(run.path) keeps private attributes")
        }
    }

    @Test func modifiedDatesMoveEveryStudyDateByThePatientsOffset() throws {
        let pseudonymizer = Pseudonymizer(key: DeidentifyFixtures.key)
        var shifted = 0
        for run in try runs(options: [.retainLongitudinalModifiedDates]) {
            #expect(run.output.dataSet.string(DICOMTag(0x0028, 0x0303)) == "MODIFIED")
            guard let date = run.input.dataSet.string(.studyDate), date.utf8.count == 8 else { continue }
            let days = pseudonymizer.dayOffset(forPatientID: run.input.dataSet.string(.patientID) ?? "")
            #expect(run.output.dataSet.string(.studyDate) == DateShift.shiftDate(date, days: days), "\(run.path)")
            let header = DeidentifyFixtures.headerBytes(of: run.bytes, file: run.output)
            #expect(!DeidentifyFixtures.contains(header, Array(date.utf8)), "\(run.path) keeps \(date)")
            shifted += 1
        }
        #expect(shifted >= 40)
    }

    @Test func pixelDataIsByteIdentical() throws {
        for run in try runs() where !run.input.transferSyntax.isBigEndian {
            #expect(
                DeidentifyFixtures.pixelBytes(of: run.output.dataSet)
                    == DeidentifyFixtures.pixelBytes(of: run.input.dataSet),
                "\(run.path)")
            let syntax = run.input.transferSyntax
            if syntax.pixelEncoding != .native { #expect(run.output.transferSyntax == syntax, "\(run.path)") }
        }
    }

    @Test func theSameKeyGivesByteIdenticalOutputAndAnotherKeyDisjointUIDs() throws {
        let first = try runs(), again = try runs(), other = try runs(key: DeidentifyFixtures.otherKey)
        for ((a, b), c) in zip(zip(first, again), other) {
            #expect(a.bytes == b.bytes, "\(a.path)")
            let original = DeidentifyFixtures.uids(of: a.input.dataSet)
            let mine = DeidentifyFixtures.uids(of: a.output.dataSet).subtracting(original)
            let theirs = DeidentifyFixtures.uids(of: c.output.dataSet).subtracting(original)
            #expect(!mine.isEmpty && mine.isDisjoint(with: theirs), "\(a.path)")
        }
    }

    @Test func implicitVRSourcesKeepSignedPixelValuesAndEncapsulatedDataIsOB() throws {
        let deidentifier = DeidentifyFixtures.deidentifier()
        let implicit = try DICOMFile.read(path: SampleCorpus.path("ct_ge_ivrle_window.dcm"))
        let out = try DICOMFile(bytes: deidentifier.deidentify(implicit).bytes, source: "out").dataSet
        let padding = DICOMTag(0x0028, 0x0120)
        #expect(out[padding]?.vr == .SS)
        #expect(out.rawValue(padding) == implicit.dataSet.rawValue(padding))
        let rle = try DICOMFile.read(path: SampleCorpus.path("ct_clunie_ct1_rle_fragments.dcm"))
        let encapsulated = try DICOMFile(bytes: deidentifier.deidentify(rle).bytes, source: "out").dataSet
        #expect(encapsulated[.pixelData]?.vr == .OB)
    }

    @Test func combinationsFollowTheTypeTheIODGivesTheAttribute() throws {
        let deidentifier = DeidentifyFixtures.deidentifier()
        func out(_ path: String) throws -> DataSet {
            try DICOMFile(bytes: deidentifier.deidentify(DICOMFile.read(path: path)).bytes, source: path).dataSet
        }
        // PET Series: Series Date and Time are Type 1 (X/D gives D); PET Image: Acquisition Date Type 2 (X/Z gives Z).
        let pet = try out(DeidentifyFixtures.doseDirectory + "/NM-PetIm-Siemens.dcm")
        #expect(pet.string(DICOMTag(0x0008, 0x0021)) == "19000101")
        #expect(pet.string(DICOMTag(0x0008, 0x0031)) == "000000")
        #expect(pet[DICOMTag(0x0008, 0x0022)]?.length == 0)
        // Enhanced CT: Content Date is Type 1 (Z/D gives D); Acquisition Context Sequence Type 2 (X/Z gives Z).
        let enhanced = try out(SampleCorpus.path("ct_enhanced_2frame_evrle.dcm"))
        #expect(enhanced.string(.contentDate) == "19000101")
        #expect(enhanced[DICOMTag(0x0040, 0x0555)] != nil && enhanced.sequence(DICOMTag(0x0040, 0x0555)) == nil)
        // A CT image: Content Date Type 2 (Z); Institution Name Type 3 (X/Z/D gives X).
        let ct = try out(SampleCorpus.path("ct_nema_ct1_evrle.dcm"))
        #expect(ct[.contentDate].map { $0.length == 0 } ?? true)
        #expect(ct[DICOMTag(0x0008, 0x0080)] == nil)
        // A dose report: Device Serial Number is Type 1 in Enhanced General Equipment (X/Z/D gives D).
        let report = try out(DeidentifyFixtures.doseDirectory + "/CT-RDSR-SpectrumDynamics.dcm")
        #expect(report.string(DICOMTag(0x0018, 0x1000)) == "ANONYMIZED")
    }

    @Test func twoImagesOfOneStudyShareTheirNewStudyUID() throws {
        let deidentifier = DeidentifyFixtures.deidentifier()
        let first = try DICOMFile.read(path: SampleCorpus.path("ct_enhanced_2frame_evrle.dcm"))
        let second = try DICOMFile.read(path: SampleCorpus.path("ct_enhanced_2frame_jpeg_extended12.dcm"))
        try #require(first.dataSet.string(.studyInstanceUID) == second.dataSet.string(.studyInstanceUID))
        try #require(first.dataSet.string(.sopInstanceUID) != second.dataSet.string(.sopInstanceUID))
        let a = try deidentifier.deidentify(first), b = try deidentifier.deidentify(second)
        #expect(a.studyInstanceUID == b.studyInstanceUID)
        #expect(a.seriesInstanceUID == b.seriesInstanceUID)
        #expect(a.sopInstanceUID != b.sopInstanceUID)
        #expect(a.studyInstanceUID != first.dataSet.string(.studyInstanceUID))
        #expect(DICOMUID.isValid(a.studyInstanceUID) && a.studyInstanceUID.hasPrefix("2.25."))
        #expect(a.relativePath == "\(a.studyInstanceUID)/\(a.seriesInstanceUID)/\(a.sopInstanceUID).dcm")
    }

    @Test func referencesInsideADoseReportStayConsistent() throws {
        let path = DeidentifyFixtures.doseDirectory + "/RF-RDSR-Canon-Alphenix-rotational.dcm"
        let input = try DICOMFile.read(path: path)
        let bytes = try DeidentifyFixtures.deidentifier().deidentify(input).bytes
        let output = try DICOMFile(bytes: bytes, source: path)
        let pseudonymizer = Pseudonymizer(key: DeidentifyFixtures.key)
        let references = nestedValues(of: .referencedSOPInstanceUID, in: input.dataSet)
        try #require(!references.isEmpty)
        let replaced = nestedValues(of: .referencedSOPInstanceUID, in: output.dataSet)
        #expect(replaced.count >= 20)
        #expect(Set(replaced).isSubset(of: Set(references.map(pseudonymizer.uid(for:)))))
        #expect(Set(replaced).isDisjoint(with: Set(references)))
        #expect(nestedValues(of: DICOMTag(0x0040, 0xA123), in: output.dataSet).allSatisfy { $0 == "ANONYMIZED" })
    }

    @Test func cleanStructuredContentKeepsADoseReportsMeasurementsAndCodes() throws {
        let path = DeidentifyFixtures.doseDirectory + "/CT-RDSR-SpectrumDynamics.dcm"
        let input = try DICOMFile.read(path: path)
        let deidentifier = DeidentifyFixtures.deidentifier(options: [.cleanStructuredContent])
        let output = try DICOMFile(bytes: deidentifier.deidentify(input).bytes, source: path).dataSet
        let numeric = DICOMTag(0x0040, 0xA30A), code = DICOMTag.codeValue
        try #require(nestedValues(of: numeric, in: input.dataSet).count >= 5)
        #expect(nestedValues(of: numeric, in: output) == nestedValues(of: numeric, in: input.dataSet))
        #expect(nestedValues(of: code, in: output).contains("113100"))
        #expect(
            nestedValues(of: code, in: output).filter { $0 != "113100" && $0 != "113104" }
                == nestedValues(of: code, in: input.dataSet))
        #expect(output.sequence(DICOMTag(0x0012, 0x0064))?.map { $0.string(.codeValue) } == ["113100", "113104"])
        #expect(nestedValues(of: DICOMTag(0x0040, 0xA123), in: output).allSatisfy { $0 == "ANONYMIZED" })
    }

    /// The values of `tag` in every sequence item below the top level, in order.
    func nestedValues(of tag: DICOMTag, in dataSet: DataSet, depth: Int = 0) -> [String] {
        var values: [String] = []
        for element in dataSet.elements {
            if let items = element.items {
                for item in items { values += nestedValues(of: tag, in: item, depth: depth + 1) }
            } else if depth > 0, element.tag == tag {
                values += item(dataSet, element)
            }
        }
        return values
    }

    func item(_ dataSet: DataSet, _ element: DataElement) -> [String] {
        if case .text(let texts) = dataSet.value(of: element) { return texts }
        return []
    }
}
