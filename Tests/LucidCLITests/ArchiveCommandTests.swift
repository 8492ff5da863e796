import Foundation
import LucidArchive
import LucidDICOM
import LucidTestSupport
import Testing

/// `lucid process --archive`, `lucid verify` and `lucid archive ls` on a folder of corpus files with
/// a corrupt DICOM, a text file and hostile Patient IDs.
@Suite struct ArchiveCommandTests {
    @Test("archive a folder, re-run it (all skipped, nothing rewritten), verify it, damage it")
    func archiveLifecycle() throws {
        let fixture = try ArchiveFixture()
        let before = try fixture.base.inputHashes()
        let (first, lines) = try fixture.process(["--preset", "auto"])
        #expect(first.status == 1, "\(first.standardError)")
        let byPath = Dictionary(lines.compactMap { line in (line["path"] as? String).map { ($0, line) } }) { a, _ in a }
        let bad = try #require(byPath[fixture.input + "/bad/cut.dcm"])
        #expect(bad["status"] as? String == "failed")
        #expect((bad["error"] as? String)?.contains("bad/cut.dcm") == true)
        #expect(byPath[fixture.input + "/notes.txt"]?["status"] as? String == "skipped")
        let good = ArchiveFixture.good.map(\.1) + ["hostile/etc.dcm", "hostile/absolute.dcm"]
        for relative in good {
            let line = try #require(byPath[fixture.input + "/" + relative], "\(relative)")
            #expect(line["status"] as? String == "ok", "\(relative): \(line)")
        }
        #expect(try fixture.base.inputHashes() == before, "the inputs are untouched")

        // Every indexed file has its recorded checksum; every good input's original is a byte-identical copy.
        let archive = try ArchiveReader(root: fixture.archive)
        let recorded = try archive.recordedFiles()
        for file in recorded {
            let bytes = try #require(FileManager.default.contents(atPath: fixture.archive + "/" + file.path))
            #expect(SHA256.hex([UInt8](bytes)) == file.sha256, "\(file.path)")
            #expect(Int64(bytes.count) == file.size)
        }
        let originals = Set(recorded.filter { $0.role == .original }.map(\.sha256))
        for relative in good { #expect(originals.contains(try #require(before[relative])), "\(relative) archived") }
        #expect(recorded.filter { $0.role == .derived }.count == good.count + 1, "one derived file per frame")

        try checkDerived(fixture, recorded: recorded)
        try checkHostile(fixture)

        // Second run: everything skipped as already archived, nothing rewritten.
        let stamps = try fixture.snapshot()
        let (second, secondLines) = try fixture.process(["--preset", "auto"])
        #expect(second.status == 1)
        for relative in good {
            let line = secondLines.first { $0["path"] as? String == fixture.input + "/" + relative }
            #expect(line?["status"] as? String == "skipped", "\(relative)")
            #expect(line?["error"] as? String == "already archived", "\(relative)")
        }
        let failed = secondLines.filter { $0["status"] as? String == "failed" }.compactMap { $0["path"] as? String }
        #expect(failed == [fixture.input + "/bad/cut.dcm"])
        #expect(try fixture.snapshot() == stamps, "no file was rewritten")

        try checkVerify(fixture, recorded: recorded)
    }

    private func checkDerived(_ fixture: ArchiveFixture, recorded: [RecordedFile]) throws {
        for file in recorded where file.role == .derived {
            let derived = try DICOMImage(path: fixture.archive + "/" + file.path)
            #expect(derived.dataSet.strings(.imageType).prefix(2) == ["DERIVED", "SECONDARY"], "\(file.path)")
            let reference = try #require(derived.dataSet.sequence(.sourceImageSequence)?.first, "\(file.path)")
            let source = try #require(reference.string(.referencedSOPInstanceUID))
            let folder = (file.path as NSString).deletingLastPathComponent
            let original = try DICOMImage(path: fixture.archive + "/" + folder + "/" + source + ".dcm")
            #expect(original.dataSet.string(.sopInstanceUID) == source)
            #expect(derived.dataSet.string(.patientID) == original.dataSet.string(.patientID))
            #expect(derived.dataSet.string(.sopInstanceUID).map { file.path.hasSuffix($0 + ".derived.dcm") } == true)
            #expect(!(derived.dataSet.string(.derivationDescription) ?? "").isEmpty)
            _ = try derived.frame(0)
        }
    }

    private func checkHostile(_ fixture: ArchiveFixture) throws {
        let root = URL(fileURLWithPath: fixture.archive).resolvingSymlinksInPath().path
        for file in ProcessFixture.files(under: fixture.archive) {
            let resolved = URL(fileURLWithPath: fixture.archive + "/" + file).resolvingSymlinksInPath().path
            #expect(resolved.hasPrefix(root + "/"), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.base.folder + "/etc"))
        let result = try LucidBinary.run(["archive", "ls", fixture.archive, "--patient", "../../etc", "--json"])
        #expect(result.status == 0)
        let patients = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [[String: Any]])
        #expect(patients.count == 1)
        let folder = try #require(patients.first?["folder"] as? String)
        #expect(folder.hasPrefix("_._etc_") && !folder.contains("/"))
        let all = try LucidBinary.run(["archive", "ls", fixture.archive])
        #expect(all.status == 0)
        #expect(all.outputText.contains("patient 2178309"))
    }

    private func checkVerify(_ fixture: ArchiveFixture, recorded: [RecordedFile]) throws {
        let clean = try LucidBinary.run(["verify", fixture.archive])
        #expect(clean.status == 0, "\(clean.outputText)\(clean.standardError)")

        let target = try #require(recorded.first { $0.role == .derived }).path
        let handle = try #require(FileHandle(forUpdatingAtPath: fixture.archive + "/" + target))
        handle.seek(toFileOffset: 200)
        let byte = handle.readData(ofLength: 1)
        handle.seek(toFileOffset: 200)
        handle.write(Data([~(byte.first ?? 0)]))
        try handle.close()
        let altered = try LucidBinary.run(["verify", fixture.archive])
        #expect(altered.status == 1)
        #expect(altered.outputText.contains("altered: \(target)"), "\(altered.outputText)")

        let removed = try #require(recorded.first { $0.role == .rendition }).path
        try FileManager.default.removeItem(atPath: fixture.archive + "/" + removed)
        #expect(FileManager.default.createFile(atPath: fixture.archive + "/stray.dcm", contents: Data([1])))
        let json = try LucidBinary.run(["verify", fixture.archive, "--json"])
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        #expect(report["ok"] as? Bool == false)
        #expect(report["missing"] as? [String] == [removed])
        #expect(report["unindexed"] as? [String] == ["stray.dcm"])
        #expect((report["altered"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == [target])
    }

    @Test("a changed recipe makes a new derived series and keeps one original")
    func changedRecipe() throws {
        let fixture = try ArchiveFixture(bad: false)
        #expect(try fixture.process(["--steps", "window:file"]).0.status == 0)
        let (result, lines) = try fixture.process(["--steps", "denoise:median:3 | window:file", "--format", "jpeg"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(lines.dropLast().allSatisfy { $0["status"] as? String == "ok" })
        let archive = try ArchiveReader(root: fixture.archive)
        let files = try archive.recordedFiles()
        #expect(files.filter { $0.role == .original }.count == ArchiveFixture.good.count + 2)
        #expect(
            files.filter { $0.role == .rendition && $0.path.hasSuffix(".jpg") }.count == ArchiveFixture.good.count + 3)
        let series = try archive.listing().patients.flatMap(\.studies).flatMap(\.series)
        for entry in series {
            #expect(Set(entry.instances.map(\.recipe)) == ["window:file", "denoise:median:3 | window:file"])
            #expect(Set(entry.instances.map(\.derivedSeriesInstanceUID)).count == 2)
        }
        #expect(try LucidBinary.run(["verify", fixture.archive]).status == 0)
    }
}
