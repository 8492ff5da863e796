import Foundation
import LucidArchive
import LucidTestSupport
import Testing

@testable import LucidBatch

/// Files whose SOP Instance UID is empty or not conformant are archived like any other, under an
/// archive key, with a note.
@Suite struct OddUIDArchiveTests {
    /// The real files with odd UIDs and the note each gets (its start).
    static let samples = [
        (
            "cr_mono1_modality_lut_seq_jpegll.dcm", SampleCorpus.path("cr_mono1_modality_lut_seq_jpegll.dcm"),
            "SOP Instance UID '999.999.01.23.45.6789' is not conformant (component '01' has a leading zero); kept as stated"
        ),
        (
            "ot_jpeg_baseline_gray8.dcm", SampleCorpus.path("ot_jpeg_baseline_gray8.dcm"),
            "SOP Instance UID (0008,0018) is empty; filed under 2.25."
        ),
        (
            "jpegls_p14.dcm", SampleCorpus.codecsPath("JPEGLosslessSV1__JPEGLosslessP14SV1_1s_1f_u_16_16.dcm"),
            "SOP Instance UID (0008,0018) is empty; filed under 2.25."
        ),
    ]

    /// Runs a batch over `folder/in` into `folder/archive`, renditions under `folder/out`; outcomes by file name.
    static func run(_ folder: String, jobs: Int = 2) async throws -> [String: FileOutcome] {
        let archive = try Archive(root: folder + "/archive")
        let layout = OutputLayout(inputs: [folder + "/in"], usesFilesFrom: false, outputDirectory: folder + "/out")
        let settings = ProcessSettings(recipe: .preset(.auto), threads: 1, layout: layout, archive: archive)
        let runner = BatchRunner(processor: FileProcessor(settings: settings), jobs: jobs)
        var outcomes: [String: FileOutcome] = [:]
        _ = await runner.run(InputWalker(arguments: [folder + "/in"])) { event in
            if case .finished(let outcome) = event { outcomes[(outcome.path as NSString).lastPathComponent] = outcome }
        }
        return outcomes
    }

    static func write(_ bytes: [UInt8], _ folder: String, _ name: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder + "/in/" + name, contents: Data(bytes)))
    }

    /// The test CT with Patient Name `name` whose SOP Instance UID (in the data set and the file
    /// meta) is overwritten, byte for byte, by `replacement` (spaces: an empty UID).
    static func synthetic(name: String, replacement: String? = nil) throws -> [UInt8] {
        let uid = "1.2.826.0.1.3680043.2.1125.78.1"
        var bytes = try SyntheticCT.bytes(sopInstanceUID: uid, patientName: name)
        let pattern = Array(uid.utf8)
        let new = Array((replacement ?? String(repeating: " ", count: pattern.count)).utf8)
        #expect(new.count == pattern.count)
        var index = 0
        while index + pattern.count <= bytes.count {
            if Array(bytes[index..<index + pattern.count]) == pattern {
                bytes.replaceSubrange(index..<index + pattern.count, with: new)
                index += pattern.count
            } else {
                index += 1
            }
        }
        return bytes
    }

    @Test("real files with a leading-zero UID and without a UID are archived, noted, verified and skipped again")
    func realSamples() async throws {
        let folder = try LucidBinary.temporaryFolder()
        var inputs: [String: [UInt8]] = [:]
        for (name, source, _) in Self.samples {
            let bytes = [UInt8](try #require(FileManager.default.contents(atPath: source)))
            inputs[name] = bytes
            try Self.write(bytes, folder, name)
        }
        let outcomes = try await Self.run(folder)
        let archive = try Archive(root: folder + "/archive", create: false)
        for (name, _, note) in Self.samples {
            let outcome = try #require(outcomes[name])
            #expect(outcome.status == .ok, "\(name): \(outcome.error ?? "")")
            #expect(outcome.notes.count == 1 && outcome.notes.first?.hasPrefix(note) == true, "\(outcome.notes)")
            let line = try #require(
                try JSONSerialization.jsonObject(with: Data(outcome.jsonLine.utf8)) as? [String: Any])
            #expect(line["notes"] as? [String] == outcome.notes && line["status"] as? String == "ok")
            let original = try #require(outcome.outputs.first { $0.hasSuffix(".dcm") && !$0.hasSuffix(".derived.dcm") })
            let stored = try #require(FileManager.default.contents(atPath: original))
            #expect(SHA256.hex([UInt8](stored)) == SHA256.hex(try #require(inputs[name])), "\(name) byte-identical")
            #expect(outcome.outputs.contains { $0.hasSuffix(".derived.dcm") }, "\(name): \(outcome.outputs)")
            #expect(outcome.outputs.contains { $0.hasPrefix(folder + "/archive/") && $0.hasSuffix(".png") })
            #expect(outcome.outputs.contains(folder + "/out/" + name + ".png"))
        }
        let instances = try archive.listing().patients.flatMap(\.studies).flatMap(\.series).flatMap(\.instances)
        #expect(instances.count == 3)
        let leading = try #require(instances.first { $0.sopInstanceUID == "999.999.01.23.45.6789" })
        #expect(leading.statedSOPInstanceUID == "999.999.01.23.45.6789" && leading.uidNote == Self.samples[0].2)
        let keyed = instances.filter { $0.statedSOPInstanceUID == "" }
        #expect(keyed.count == 2 && Set(keyed.map(\.sopInstanceUID)).count == 2)
        #expect(keyed.allSatisfy { $0.sopInstanceUID.hasPrefix("2.25.") && $0.uidNote?.contains("is empty") == true })
        #expect(try archive.verify().isClean)

        let again = try await Self.run(folder)
        for (name, _, note) in Self.samples {
            #expect(again[name]?.status == .skipped && again[name]?.error == "already archived", "\(name)")
            #expect(again[name]?.notes.first?.hasPrefix(note) == true)
        }
        #expect(try archive.verify().isClean)
    }

    @Test("two different files without a UID are both kept; the same bytes twice are one instance")
    func emptyUIDs() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let first = try Self.synthetic(name: "FIRST")
        try Self.write(first, folder, "a.dcm")
        try Self.write(try Self.synthetic(name: "SECOND"), folder, "b.dcm")
        try Self.write(first, folder, "c.dcm")
        let outcomes = try await Self.run(folder, jobs: 3)
        #expect(outcomes["a.dcm"]?.status == .ok && outcomes["b.dcm"]?.status == .ok, "\(outcomes)")
        #expect(outcomes["c.dcm"]?.status == .skipped && outcomes["c.dcm"]?.error == "already archived")
        let archive = try Archive(root: folder + "/archive", create: false)
        let instances = try archive.listing().patients.flatMap(\.studies).flatMap(\.series).flatMap(\.instances)
        #expect(instances.count == 2 && Set(instances.map(\.sopInstanceUID)).count == 2)
        #expect(instances.allSatisfy { $0.statedSOPInstanceUID == "" && $0.sopInstanceUID.hasPrefix("2.25.") })
        #expect(try archive.recordedFiles().filter { $0.role == .original }.count == 2)
        #expect(try archive.verify().isClean)
    }

    @Test("two different files stating one UID with letters meet: the second is a conflict under the derived key")
    func statedValueMeets() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let odd = "1.2.826.0.1.3680043.2.1125.7A.1"
        try Self.write(try Self.synthetic(name: "FIRST", replacement: odd), folder, "a.dcm")
        try Self.write(try Self.synthetic(name: "SECOND", replacement: odd), folder, "b.dcm")
        let outcomes = try await Self.run(folder)
        let key = ArchiveKey.key(stated: odd, fileSHA256: "").key
        #expect(outcomes["a.dcm"]?.status == .ok, "\(outcomes["a.dcm"]?.error ?? "")")
        #expect(outcomes["a.dcm"]?.notes.first?.contains("filed under \(key) derived from the stated value") == true)
        #expect(outcomes["b.dcm"]?.errorCode == "archive.conflict", "\(outcomes["b.dcm"]?.error ?? "")")
        #expect(outcomes["b.dcm"]?.error?.contains(key) == true)
        let archive = try Archive(root: folder + "/archive", create: false)
        let instances = try archive.listing().patients.flatMap(\.studies).flatMap(\.series).flatMap(\.instances)
        #expect(instances.map(\.sopInstanceUID) == [key] && instances.first?.statedSOPInstanceUID == odd)
        #expect(try archive.verify().isClean)
    }
}
