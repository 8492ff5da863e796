import Foundation
import LucidArchive
import LucidTestSupport
import Testing

@testable import LucidBatch

/// Files sharing a SOP Instance UID are filed in walk order whatever the workers' timing: the first
/// is archived, a later one with other bytes is a conflict naming it.
@Suite struct DuplicateUIDTests {
    @Test("a later file waits for an earlier one with its UID, and for every earlier file to claim a UID")
    func turns() async throws {
        let turns = ArchiveTurns()
        let first = turns.turn(0), second = turns.turn(1), third = turns.turn(2)
        let order = Mutexed<[String]>([])
        third.claim("9.9")
        second.claim("1.2")
        let waiting = Task {
            await second.wait(for: "1.2")
            order.update { $0.append("second filed") }
        }
        let other = Task {
            await third.wait(for: "9.9")
            order.update { $0.append("third filed") }
        }
        try await Task.sleep(nanoseconds: 50_000_000)
        #expect(order.value.isEmpty, "nothing is filed before the first file has said which UID it holds")
        first.claim("1.2")
        await other.value
        #expect(order.value == ["third filed"], "another UID goes on once every earlier file has claimed one")
        try await Task.sleep(nanoseconds: 50_000_000)
        #expect(order.value == ["third filed"], "the same UID waits for the earlier file to be done")
        order.update { $0.append("first filed") }
        first.done()
        await waiting.value
        second.done()
        third.done()
        #expect(order.value == ["third filed", "first filed", "second filed"])
        await turns.turn(3).wait(for: "1.2")
    }

    /// The test CT with SOP Instance UID `uid`, Patient Name `name` and `padding` more bytes.
    func dicom(uid: String, name: String, padding: Int = 0) throws -> [UInt8] {
        try SyntheticCT.bytes(
            sopInstanceUID: uid, patientName: name, seriesInstanceUID: "1.2.826.0.1.3680043.2.1125.78", padding: padding
        )
    }

    /// Three files with one SOP Instance UID and different bytes: the first in walk order carries
    /// 64 MiB more to read and hash, so the others would win a race.
    func duplicates() throws -> String {
        let folder = try LucidBinary.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        let uid = "1.2.826.0.1.3680043.2.1125.78.1"
        let files = [
            ("a.dcm", try dicom(uid: uid, name: "FIRST", padding: 64 << 20)),
            ("b.dcm", try dicom(uid: uid, name: "SECOND")),
            ("c.dcm", try dicom(uid: uid, name: "THIRD")),
        ]
        for (name, bytes) in files {
            #expect(FileManager.default.createFile(atPath: folder + "/in/" + name, contents: Data(bytes)))
        }
        return folder
    }

    @Test("one UID, three files, --jobs 3, twenty runs: the first in walk order is archived every time")
    func firstInWalkOrderWins() async throws {
        let folder = try duplicates()
        for run in 0..<20 {
            let archive = try Archive(root: folder + "/archive\(run)")
            let settings = ProcessSettings(recipe: .preset(.auto), threads: 1, layout: nil, archive: archive)
            let runner = BatchRunner(processor: FileProcessor(settings: settings), jobs: 3)
            var outcomes: [String: FileOutcome] = [:]
            _ = await runner.run(InputWalker(arguments: [folder + "/in"])) { event in
                if case .finished(let outcome) = event {
                    outcomes[(outcome.path as NSString).lastPathComponent] = outcome
                }
            }
            #expect(outcomes["a.dcm"]?.status == .ok, "run \(run): \(outcomes["a.dcm"]?.error ?? "")")
            for name in ["b.dcm", "c.dcm"] {
                let outcome = try #require(outcomes[name])
                #expect(outcome.errorCode == "archive.conflict", "run \(run), \(name): \(outcome.error ?? "")")
                #expect(outcome.error?.contains("filed from \(folder)/in/a.dcm") == true, "\(outcome.error ?? "")")
            }
        }
    }
}
