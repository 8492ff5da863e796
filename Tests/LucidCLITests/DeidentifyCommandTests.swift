import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// `lucid deidentify` end to end: names, JSON lines, repeatability, key refusals, options and the
/// burned-in rule.
@Suite struct DeidentifyCommandTests {
    static let evrle = SampleCorpus.path("ct_enhanced_2frame_evrle.dcm")
    static let jpeg = SampleCorpus.path("ct_enhanced_2frame_jpeg_extended12.dcm")

    /// A fresh folder with a key file of `bytes` and `mode`.
    static func workspace(key bytes: [UInt8] = Array("lucid-cli-test-key-0123456789abcdef".utf8), mode: Int = 0o600)
        throws -> (folder: String, key: String)
    {
        let folder = NSTemporaryDirectory() + "lucid-deid-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let key = folder + "/key"
        try Data(bytes).write(to: URL(fileURLWithPath: key))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: key)
        return (folder, key)
    }

    static func files(below folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".dcm") }
            .sorted()
    }

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// A small US image with Burned In Annotation `burnedIn`.
    static func ultrasound(burnedIn: String, in folder: String) throws -> String {
        var set = WritableDataSet()
        set.set(.sopClassUID, .UI, "1.2.840.10008.5.1.4.1.1.6.1")
        set.set(.sopInstanceUID, .UI, "1.2.3.4.5.6.7.8.11")
        set.set(.studyInstanceUID, .UI, "1.2.3.4.5.6.7.8.12")
        set.set(.seriesInstanceUID, .UI, "1.2.3.4.5.6.7.8.13")
        set.set(.patientName, .PN, "DOE^JOHN")
        set.set(.modality, .CS, "US")
        set.set(DICOMTag(0x0028, 0x0301), .CS, burnedIn)
        set.set(.samplesPerPixel, .US, .uint16s([1]))
        set.set(.photometricInterpretation, .CS, "MONOCHROME2")
        set.set(.rows, .US, .uint16s([2]))
        set.set(.columns, .US, .uint16s([2]))
        set.set(.bitsAllocated, .US, .uint16s([8]))
        set.set(.bitsStored, .US, .uint16s([8]))
        set.set(.highBit, .US, .uint16s([7]))
        set.set(.pixelRepresentation, .US, .uint16s([0]))
        set.set(.pixelData, .OB, .bytes([1, 2, 3, 4]))
        let path = folder + "/DOE_JOHN_us.dcm"
        try Data(Part10Writer.encode(set, implementationVersion: "test")).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func outputsAreNamedByPseudonymousUIDsAndReportedAsJSONLines() throws {
        let (folder, key) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        let before = [Self.evrle, Self.jpeg].map { FileManager.default.contents(atPath: $0) }
        let run = try LucidBinary.run(["deidentify", Self.evrle, Self.jpeg, "--out", out, "--key-file", key, "--json"])
        #expect([Self.evrle, Self.jpeg].map { FileManager.default.contents(atPath: $0) } == before)
        #expect(run.status == 0, "\(run.standardError)")
        let lines = try Self.jsonLines(run.outputText)
        #expect(lines.count == 2)
        for (line, input) in zip(lines, [Self.evrle, Self.jpeg]) {
            #expect(Set(line.keys) == ["path", "status", "output", "error"])
            #expect(line["path"] as? String == input)
            #expect(line["status"] as? String == "written")
            #expect(line["error"] is NSNull)
            let output = try #require(line["output"] as? String)
            let parts = output.dropFirst(out.count + 1).split(separator: "/")
            #expect(parts.count == 3 && parts.allSatisfy { $0.hasPrefix("2.25.") })
            let written = try DICOMFile.read(path: output)
            #expect(String(parts[0]) == written.dataSet.string(.studyInstanceUID))
            #expect(String(parts[2]) == (written.dataSet.string(.sopInstanceUID) ?? "") + ".dcm")
        }
        #expect(Self.files(below: out).count == 2)
        #expect(Self.files(below: out).allSatisfy { !$0.contains("ct_enhanced") })
    }

    @Test func inputsComeFromFilesFromToo() throws {
        let (folder, key) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let list = folder + "/list.txt"
        try (Self.jpeg + "\n").write(toFile: list, atomically: true, encoding: .utf8)
        let run = try LucidBinary.run([
            "deidentify", Self.evrle, "--files-from", list, "--out", folder + "/out", "--key-file", key, "--json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Self.jsonLines(run.outputText).compactMap { $0["path"] as? String } == [Self.evrle, Self.jpeg])
    }

    @Test func theSameKeyGivesByteIdenticalFilesOnEveryRun() throws {
        let (folder, key) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["first", "second"] {
            let run = try LucidBinary.run(["deidentify", Self.evrle, "--out", folder + "/" + name, "--key-file", key])
            #expect(run.status == 0, "\(run.standardError)")
        }
        let first = Self.files(below: folder + "/first"), second = Self.files(below: folder + "/second")
        #expect(first.count == 1 && first == second)
        for name in first {
            #expect(
                FileManager.default.contents(atPath: folder + "/first/" + name)
                    == FileManager.default.contents(atPath: folder + "/second/" + name))
        }
    }

    @Test func parallelJobsWriteTheSameFilesInTheSameOrder() throws {
        let (folder, key) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let doses = SampleCorpus.packageRoot + "/../shared/dose-samples"
        var reports: [[String]] = []
        for jobs in ["1", "3"] {
            let run = try LucidBinary.run([
                "deidentify", doses, "--out", folder + "/" + jobs, "--key-file", key, "--json", "--jobs", jobs,
            ])
            reports.append(try Self.jsonLines(run.outputText).map { "\($0["path"] ?? "") \($0["status"] ?? "")" })
        }
        #expect(reports[0] == reports[1] && reports[0].count >= 20)
        let one = Self.files(below: folder + "/1"), three = Self.files(below: folder + "/3")
        #expect(one == three && one.count >= 20)
        for name in one {
            #expect(
                FileManager.default.contents(atPath: folder + "/1/" + name)
                    == FileManager.default.contents(atPath: folder + "/3/" + name))
        }
    }

    @Test func aKeyFileOthersMayReadIsRefused() throws {
        let (folder, key) = try Self.workspace(mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try LucidBinary.run(["deidentify", Self.evrle, "--out", folder + "/out", "--key-file", key])
        #expect(run.status == 2)
        #expect(run.standardError.contains("permissions 0644 for '\(key)' are too open"))
        #expect(Self.files(below: folder + "/out").isEmpty)
    }

    @Test func aShortKeyIsRefused() throws {
        let (folder, key) = try Self.workspace(key: Array(repeating: 65, count: 16))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try LucidBinary.run(["deidentify", Self.evrle, "--out", folder + "/out", "--key-file", key])
        #expect(run.status == 2)
        #expect(run.standardError.contains("is 16 bytes; at least 32 are needed"))
        #expect(Self.files(below: folder + "/out").isEmpty)
    }

    @Test func anOptionNotImplementedIsRefusedNotIgnored() throws {
        let (folder, key) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for option in ["retain-uids", "retain-longitudinal-full-dates", "clean-graphics"] {
            let run = try LucidBinary.run([
                "deidentify", Self.evrle, "--out", folder + "/out", "--key-file", key, "--option", option,
            ])
            #expect(run.status == 2)
            #expect(run.standardError.contains("--option \(option)"))
            #expect(run.standardError.contains("is not implemented yet"))
        }
        let unknown = try LucidBinary.run([
            "deidentify", Self.evrle, "--out", folder + "/out", "--key-file", key, "--option", "keep-everything",
        ])
        #expect(unknown.status == 2 && unknown.standardError.contains("unknown --option 'keep-everything'"))
        #expect(Self.files(below: folder + "/out").isEmpty)
    }

    @Test func burnedInAnnotationYESIsHeldBackUnlessAllowed() throws {
        let (folder, key) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = try Self.ultrasound(burnedIn: "YES", in: folder)
        let held = try LucidBinary.run(["deidentify", input, "--out", folder + "/out", "--key-file", key, "--json"])
        #expect(held.status == 1)
        let line = try #require(try Self.jsonLines(held.outputText).first)
        #expect(line["status"] as? String == "held-back")
        #expect(line["output"] is NSNull)
        #expect((line["error"] as? String)?.contains("Burned In Annotation (0028,0301) is YES") == true)
        #expect(held.standardError.contains(input))
        #expect(Self.files(below: folder + "/out").isEmpty)
        let allowed = try LucidBinary.run([
            "deidentify", input, "--out", folder + "/out", "--key-file", key, "--allow-burned-in",
        ])
        #expect(allowed.status == 0, "\(allowed.standardError)")
        #expect(Self.files(below: folder + "/out").count == 1)
    }

    @Test func theMappingFileListsReplacementsForTheDepartmentOnly() throws {
        let (folder, key) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mapping = folder + "/mapping.tsv"
        let run = try LucidBinary.run([
            "deidentify", Self.evrle, "--out", folder + "/out", "--key-file", key, "--mapping", mapping,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let text = try String(contentsOfFile: mapping, encoding: .utf8)
        let original = try DICOMFile.read(path: Self.evrle).dataSet
        #expect(text.hasPrefix("kind\toriginal\tpseudonym\n"))
        let study = try #require(original.string(.studyInstanceUID))
        #expect(text.contains("UID\t\(study)\t2.25."))
        let attributes = try FileManager.default.attributesOfItem(atPath: mapping)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
