import Foundation
import LucidBatch
import LucidTestSupport
import Testing

/// The batch as one task group: events reported in order from the caller's task, the walker a
/// bounded distance ahead of the writer that reports files done, and cancellation that drops the files not started.
@Suite struct BatchRunnerTests {
    /// A folder `in` of `count` DICOM files (a small CT, copied) and the runner over it.
    func batch(_ count: Int, jobs: Int) throws -> (folder: String, runner: BatchRunner) {
        let folder = try LucidBinary.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        let bytes = try #require(FileManager.default.contents(atPath: SampleCorpus.path("ct_nema_ct1_evrle.dcm")))
        for index in 0..<count {
            #expect(FileManager.default.createFile(atPath: folder + "/in/\(1000 + index).dcm", contents: bytes))
        }
        let layout = OutputLayout(inputs: [folder + "/in"], usesFilesFrom: false, outputDirectory: folder + "/out")
        let settings = ProcessSettings(recipe: .preset(.auto), formats: [.png], threads: 1, layout: layout)
        return (folder, BatchRunner(processor: FileProcessor(settings: settings), jobs: jobs))
    }

    /// Files found but not finished, at most: `jobs` waiting, `jobs` processing and 4 per job
    /// processed and waiting for the writer or in its hands (no pixels held for those).
    static func mostAhead(jobs: Int) -> Int { (2 + 4) * jobs }

    @Test("every file is finished once; the walker never runs more than 6 x jobs files ahead")
    func boundedAndComplete() async throws {
        let (folder, runner) = try batch(24, jobs: 2)
        var discovered = 0
        var finished: [String] = []
        var mostAhead = 0
        var walkTotal: Int?
        let summary = await runner.run(InputWalker(arguments: [folder + "/in"])) { event in
            switch event {
            case .discovered(let count): discovered = count
            case .walkFinished(let total): walkTotal = total
            case .finished(let outcome): finished.append(outcome.path)
            }
            mostAhead = max(mostAhead, discovered - finished.count)
        }
        #expect(summary.files == 24 && summary.ok == 24 && !summary.interrupted)
        #expect(walkTotal == 24)
        #expect(Set(finished).count == 24 && finished.count == 24)
        #expect(mostAhead <= Self.mostAhead(jobs: 2), "the walker ran \(mostAhead) files ahead")
        let outputs = try FileManager.default.contentsOfDirectory(atPath: folder + "/out")
        #expect(outputs.filter { $0.hasSuffix(".png") }.count == 24)
    }

    @Test("cancel() stops the walk and drops the files not started; those started finish whole")
    func cancellation() async throws {
        let (folder, runner) = try batch(40, jobs: 1)
        var finished: [FileOutcome] = []
        let summary = await runner.run(InputWalker(arguments: [folder + "/in"])) { event in
            guard case .finished(let outcome) = event else { return }
            finished.append(outcome)
            if finished.count == 3 { runner.cancel() }
        }
        #expect(summary.interrupted)
        #expect(finished.count >= 3 && finished.count <= 5, "\(finished.count) files finished after cancel()")
        #expect(finished.allSatisfy { $0.status == .ok })
        let outputs = try FileManager.default.contentsOfDirectory(atPath: folder + "/out")
        #expect(outputs.count == finished.count, "\(outputs)")
    }
}
