import Foundation
import LucidBatch
import LucidDICOM
import LucidPACS
import LucidTestSupport
import Testing

/// A failed input of `lucid process` carries its typed cause and a stable code beside its message.
@Suite struct FileErrorTests {
    let files = FileProcessorTests()

    func settings(in folder: String, frame: Int? = nil) -> ProcessSettings {
        let layout = OutputLayout(inputs: [folder + "/in"], usesFilesFrom: false, outputDirectory: folder + "/out")
        return ProcessSettings(recipe: .preset(.auto), formats: [.png], threads: 1, frame: frame, layout: layout)
    }

    @Test("Pixel data cut short: FileError.dicom(.truncatedPixelData), code dicom.truncatedPixelData")
    func truncatedPixelData() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let path = try files.input(folder, "cut.dcm", try files.corpus("mr_small_truncated_pixeldata.dcm"))
        let outcome = await FileProcessor(settings: settings(in: folder)).process(path)
        #expect(outcome.status == .failed)
        let failure = try #require(outcome.failure)
        guard case .dicom(path, .truncatedPixelData(path, _, let expected, let available)) = failure else {
            Issue.record("\(failure)")
            return
        }
        #expect(available < expected)
        #expect(failure.path == path)
        #expect(outcome.errorCode == "dicom.truncatedPixelData")
        #expect(outcome.error == failure.description)
        #expect(outcome.error?.contains("truncated pixel data") == true)
        #expect(outcome.jsonLine.contains(#""errorCode":"dicom.truncatedPixelData""#))
    }

    @Test("A file cut inside an element header: FileError.dicom(.truncated) at that byte, code dicom.truncated")
    func truncatedHeader() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let bytes = try files.corpus("cr_fuji_mono1_10bit.dcm")
        let rows: [UInt8] = [0x28, 0x00, 0x10, 0x00]
        let start = try #require((132..<bytes.count - 4).first { Array(bytes[$0..<($0 + 4)]) == rows })
        let path = try files.input(folder, "cut.dcm", Array(bytes.prefix(start + 3)))
        let outcome = await FileProcessor(settings: settings(in: folder)).process(path)
        let failure = try #require(outcome.failure)
        guard case .dicom(path, .truncated(path, _, start, _, 3)) = failure else {
            Issue.record("\(failure)")
            return
        }
        #expect(outcome.status == .failed && outcome.errorCode == "dicom.truncated")
        #expect(outcome.error == failure.description)
    }

    @Test("--frame beyond the file's frames: skipped as noSuchFrame, with FileError.frameOutOfRange's message")
    func frameOutOfRange() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let path = try files.input(folder, "cr.dcm", try files.corpus("cr_fuji_mono1_10bit.dcm"))
        let outcome = await FileProcessor(settings: settings(in: folder, frame: 3)).process(path)
        #expect(outcome.status == .skipped && outcome.skipReason == .noSuchFrame)
        #expect(outcome.failure == nil && outcome.errorCode == nil)
        #expect(outcome.error == "\(path): frame 3 does not exist; the file has 1 frame(s)")
    }

    @Test("A missing input: FileError.input(.cannotOpen), code input.cannotOpen, message unchanged")
    func missingInput() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let path = folder + "/in/gone.dcm"
        let outcome = await FileProcessor(settings: settings(in: folder)).process(path)
        let failure = try #require(outcome.failure)
        guard case .input(path, .cannotOpen(path, let reason)) = failure else {
            Issue.record("\(failure)")
            return
        }
        #expect(outcome.errorCode == "input.cannotOpen")
        #expect(outcome.error == DICOMError.unreadable(file: path, reason: reason).description)
    }

    @Test("A file where the output folder belongs: FileError.outputFolder, code write.folder")
    func outputFolderBlocked() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let path = try files.input(folder, "cr.dcm", try files.corpus("cr_fuji_mono1_10bit.dcm"))
        #expect(FileManager.default.createFile(atPath: folder + "/out", contents: Data("x".utf8)))
        let outcome = await FileProcessor(settings: settings(in: folder)).process(path)
        let failure = try #require(outcome.failure)
        guard case .outputFolder(path, let blocked, _) = failure else {
            Issue.record("\(failure)")
            return
        }
        #expect(blocked.hasSuffix("/out"))
        #expect(outcome.errorCode == "write.folder")
        #expect(outcome.error?.hasPrefix("\(path): cannot create the output folder \(blocked): ") == true)
    }

    @Test("A PACS check cut short by an interrupted run: FileError.interrupted(.beforeProcessing), code interrupted")
    func interruptedPACSCheck() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let path = try files.input(folder, "cr.dcm", try files.corpus("cr_fuji_mono1_10bit.dcm"))
        let target = try PACSTarget(parsing: "dicomweb+http://127.0.0.1:1/dicom-web")
        let uploader = try PACSUploader(target: target, credentials: nil)
        uploader.cancel()
        let settings = ProcessSettings(recipe: .preset(.auto), layout: nil, pacs: uploader)
        let outcome = await FileProcessor(settings: settings).process(path)
        #expect(outcome.failure == .interrupted(path: path, .beforeProcessing))
        #expect(outcome.errorCode == "interrupted")
        #expect(outcome.error == "\(path): not processed: interrupted")
        #expect(outcome.outputs.isEmpty)
    }

    @Test("Done and skipped files have no failure, and errorCode null in their JSON line")
    func noFailure() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let image = try files.input(folder, "cr.dcm", try files.corpus("cr_fuji_mono1_10bit.dcm"))
        let text = try files.input(folder, "notes.txt", Array("hello".utf8))
        for path in [image, text] {
            let outcome = await FileProcessor(settings: settings(in: folder)).process(path)
            #expect(outcome.status != .failed && outcome.failure == nil && outcome.errorCode == nil, "\(path)")
            #expect(outcome.jsonLine.contains(#""errorCode":null"#), "\(path)")
        }
    }
}
