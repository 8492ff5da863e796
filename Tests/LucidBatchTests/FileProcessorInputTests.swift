import Foundation
import LucidBatch
import LucidDICOM
import LucidFiles
import LucidPNG
import LucidTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// How one input is opened and read: names that are not UTF-8, a FIFO put in a file's place after
/// listing, a huge file that is not DICOM.
@Suite struct FileProcessorInputTests {
    func processor(in folder: String, limits: ReadLimits = .standard) -> FileProcessor {
        let layout = OutputLayout(inputs: [folder + "/in"], usesFilesFrom: false, outputDirectory: folder + "/out")
        return FileProcessor(
            settings: ProcessSettings(
                recipe: .preset(.auto), formats: [.png], threads: 1, layout: layout, limits: limits))
    }

    /// `process(path)` in a task of its own on a thread of its own (as the batch runs it), or nil
    /// when it has not returned after `seconds`.
    func process(_ path: String, in folder: String, within seconds: Double, limits: ReadLimits = .standard) async
        -> FileOutcome?
    {
        let result = Mutexed<FileOutcome?>(nil)
        let processor = processor(in: folder, limits: limits)
        let thread = BatchThreads(count: 1)
        defer { thread.shutdown() }
        Task(executorPreference: thread) {
            let outcome = await processor.process(path)
            result.update { $0 = outcome }
        }
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let outcome = result.value { return outcome }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return result.value
    }

    @Test("A FIFO in a listed file's place is skipped as not a regular file, without blocking")
    func fifo() async throws {
        let folder = try LucidBinary.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        let path = folder + "/in/swapped.dcm"
        #expect(mkfifo(path, 0o644) == 0)
        let outcome = await process(path, in: folder, within: 20)
        if outcome == nil {
            // Lets a reader blocked in open() go, so the test process can end.
            let writer = open(path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        let finished = try #require(outcome, "processing a FIFO blocked")
        #expect(finished.status == .skipped)
        #expect(finished.error == "not a regular file (a FIFO)")
    }

    /// With a 1 MiB file limit, a reader that measured or read the file before looking at its first
    /// bytes would fail it as too large instead.
    @Test("A 3 GiB file that is not DICOM is skipped after its first bytes, whatever the size limit")
    func hugeNotDICOM() async throws {
        let folder = try LucidBinary.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        let path = folder + "/in/big.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("not an image\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var limits = ReadLimits.standard
        limits.maximumFileBytes = 1 << 20
        let outcome = try #require(await process(path, in: folder, within: 60, limits: limits))
        #expect(outcome.status == .skipped && outcome.error == "not DICOM", "\(outcome.error ?? "")")
        #expect(outcome.seconds < 5, "the whole file was read: \(outcome.seconds) s")
    }

    @Test("A DICOM file whose name is not UTF-8 is read and its rendition written under the same bytes")
    func latin1Name() async throws {
        let folder = try LucidBinary.temporaryFolder()
        try RawFileNames.makeFolder(RawFileNames.path(folder + "/in"))
        try RawFileNames.makeFolder(RawFileNames.path(folder + "/in/dossier", [0xE9]))
        let raw = RawFileNames.path(folder + "/in/dossier", [0xE9], "/latin", [0xE9], ".dcm")
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: SampleCorpus.path("mr_small_evrle.dcm"))))
        try RawFileNames.write(bytes, to: raw)
        let outcome = try #require(await process(FileSystemName.string(raw), in: folder, within: 60))
        #expect(outcome.status == .ok, "\(outcome.error ?? "")")
        let output = RawFileNames.path(folder + "/out/dossier", [0xE9], "/latin", [0xE9], ".dcm.png")
        #expect(outcome.outputs.map(FileSystemName.bytes) == [output])
        let png = try #require(RawFileNames.read(output), "no rendition at \(RawFileNames.shown(output))")
        #expect(try PNGCodec.decode(png).text(forKeyword: "Source") == folder + "/in/dossier\\xe9/latin\\xe9.dcm")
    }
}
