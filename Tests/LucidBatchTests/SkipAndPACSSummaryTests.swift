import Foundation
import LucidArchive
import LucidBatch
import LucidDICOMweb
import LucidImaging
import LucidPACS
import LucidPNG
import LucidTestSupport
import Testing

/// Every skip carries its typed reason; a PACS that is down fails every file for one shared cause.
@Suite struct SkipAndPACSSummaryTests {
    let files = FileProcessorTests()

    @Test("not DICOM, not a regular file, a 16-bit PNG without --out, already archived: each skip has its reason")
    func skipReasons() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let text = try files.input(folder, "notes.txt", Array("hello".utf8))
        let eightBit = try files.input(
            folder, "photo.png", try PNGCodec.encode(GrayImage<UInt8>(width: 2, height: 2, repeating: 9)))
        let fifo = folder + "/in/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let image = try files.input(folder, "cr.dcm", try files.corpus("cr_fuji_mono1_10bit.dcm"))
        let archive = try Archive(root: folder + "/archive")
        let archiving = FileProcessor(settings: ProcessSettings(recipe: .preset(.auto), layout: nil, archive: archive))
        #expect(await archiving.process(text).skipReason == .notDICOM)
        #expect(await archiving.process(image).status == .ok)
        let again = await archiving.process(image)
        #expect(again.skipReason == .alreadyArchived && again.error == "already archived")
        #expect(await archiving.process(eightBit).skipReason == .notDICOM)
        let samples = GrayImage<UInt16>(width: 4, height: 3, pixels: (0..<12).map { UInt16($0 * 300) })
        let sixteen = try files.input(folder, "scan16.png", try PNGCodec.encode(samples))
        #expect(await archiving.process(sixteen).skipReason == .pngWithoutOut)
        var summary = BatchSummary()
        let runner = BatchRunner(processor: archiving, jobs: 2)
        _ = await runner.run(InputWalker(arguments: [text, fifo, folder + "/in/missing-link"])) { event in
            if case .finished(let outcome) = event { summary.record(outcome) }
        }
        #expect(summary.skippedBy == ["notDICOM": 1, "notRegularFile": 1], "\(summary.skippedBy)")
        #expect(summary.failedBy == ["input.unusable": 1])
    }

    @Test("a PACS that cannot be reached: every file fails for one shared cause, listed as one line")
    func pacsDown() async throws {
        let folder = try LucidBinary.temporaryFolder()
        for index in 0..<4 {
            _ = try files.input(folder, "mr\(index).dcm", try files.corpus("mr_small_evrle.dcm"))
        }
        let target = try PACSTarget(parsing: "dicomweb+http://127.0.0.1:1/dicom-web")
        let policy = RetryPolicy(maxAttempts: 2, initialDelay: 0.01, maxDelay: 0.01, maxTotalDelay: 1)
        let uploader = try PACSUploader(
            target: target, credentials: nil, retryPolicy: policy, limits: RequestLimits(idleTimeout: 5))
        _ = await uploader.checkAccess()
        let settings = ProcessSettings(recipe: .preset(.auto), layout: nil, pacs: uploader)
        let runner = BatchRunner(processor: FileProcessor(settings: settings), jobs: 2)
        var outcomes: [FileOutcome] = []
        let summary = await runner.run(InputWalker(arguments: [folder + "/in"])) { event in
            if case .finished(let outcome) = event { outcomes.append(outcome) }
        }
        #expect(summary.failed == 4 && summary.failedBy == ["pacs.upload": 4])
        let cause = "PACS upload: not pushed: dicomweb+http://127.0.0.1:1/dicom-web unreachable"
        #expect(outcomes.allSatisfy { $0.failure?.sharedCause == cause }, "\(outcomes.map(\.error))")
        #expect(summary.failureLines == ["4 file(s): \(cause)"])
        #expect(outcomes.allSatisfy { $0.error?.hasPrefix($0.path + ": not pushed") == true }, "detail kept per file")
    }
}
