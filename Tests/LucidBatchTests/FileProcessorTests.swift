import Foundation
import LucidBatch
import LucidCodecs
import LucidImaging
import LucidPNG
import LucidRendering
import LucidTestSupport
import Testing

/// One file of `lucid process`: DICOM and 16-bit PNG processed, others skipped, failures named.
@Suite struct FileProcessorTests {
    func processor(_ recipe: ProcessSettings.Recipe, formats: [RenditionFormat], in folder: String) -> FileProcessor {
        let layout = OutputLayout(inputs: [folder + "/in"], usesFilesFrom: false, outputDirectory: folder + "/out")
        return FileProcessor(settings: ProcessSettings(recipe: recipe, formats: formats, threads: 2, layout: layout))
    }

    func input(_ folder: String, _ name: String, _ bytes: [UInt8]) throws -> String {
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        let path = folder + "/in/" + name
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    func corpus(_ name: String) throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: SampleCorpus.path(name))))
    }

    @Test("A DICOM file: every rendition written, with the recipe and preset recorded")
    func dicom() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let path = try input(folder, "cr.dcm", try corpus("cr_fuji_mono1_10bit.dcm"))
        let outcome = await processor(.preset(.auto), formats: [.png, .png16, .jpeg], in: folder).process(path)
        #expect(outcome.status == .ok, "\(outcome.error ?? "")")
        #expect(outcome.preset == "auto: chest-xray")
        #expect(outcome.outputs == ["png", "16.png", "jpg"].map { folder + "/out/cr.dcm." + $0 })
        let png = try PNGCodec.decode([UInt8](try #require(FileManager.default.contents(atPath: outcome.outputs[0]))))
        #expect(png.storedBitDepth == 8 && png.image.width == 440 && png.image.height == 440)
        #expect(png.text(forKeyword: "Steps") == PipelinePreset.chestXray.stepsText)
        #expect(png.text(forKeyword: "Preset") == "auto: chest-xray")
        #expect(png.text(forKeyword: "Source") == path)
        let png16 = try PNGCodec.decode([UInt8](try #require(FileManager.default.contents(atPath: outcome.outputs[1]))))
        #expect(png16.storedBitDepth == 16)
        let jpeg = [UInt8](try #require(FileManager.default.contents(atPath: outcome.outputs[2])))
        #expect(Array(jpeg.prefix(4)) == [0xFF, 0xD8, 0xFF, 0xFE])
        #expect(String(decoding: jpeg.prefix(400), as: UTF8.self).contains("Steps: denoise:median:3"))
        #expect(try JPEGCodec.decodeGray8(jpeg).width == 440)
    }

    @Test("A 16-bit grayscale PNG is processed with the automatic window; other files are skipped")
    func pngAndOthers() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let samples = GrayImage<UInt16>(width: 40, height: 30, pixels: (0..<1200).map { UInt16($0 * 3) })
        let path = try input(folder, "scan.png", try PNGCodec.encode(samples))
        let outcome = await processor(.steps(try StepsSpec(parsing: "median:3")), formats: [.png], in: folder).process(
            path)
        #expect(outcome.status == .ok, "\(outcome.error ?? "")")
        let png = try PNGCodec.decode([UInt8](try #require(FileManager.default.contents(atPath: outcome.outputs[0]))))
        #expect(png.image.width == 40 && png.image.height == 30)
        #expect(png.text(forKeyword: "Window")?.hasPrefix("no usable VOI in file; automatic") == true)

        let eightBit = try input(
            folder, "photo.png", try PNGCodec.encode(GrayImage<UInt8>(width: 2, height: 2, repeating: 9)))
        let text = try input(folder, "notes.txt", Array("hello".utf8))
        for path in [eightBit, text] {
            let skipped = await processor(.preset(.auto), formats: [.png], in: folder).process(path)
            #expect(skipped.status == .skipped && skipped.outputs.isEmpty, "\(path)")
            #expect(skipped.error?.hasPrefix("not DICOM") == true)
        }
    }

    @Test("A corrupt file fails with a reason naming it; a multi-frame file gets one output per frame")
    func failuresAndFrames() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let corrupt = try input(folder, "cut.dcm", try corpus("mr_small_truncated_pixeldata.dcm"))
        let failed = await processor(.preset(.auto), formats: [.png], in: folder).process(corrupt)
        #expect(failed.status == .failed)
        #expect(failed.error?.contains(corrupt) == true && failed.error?.contains("truncated pixel data") == true)
        let cine = try input(folder, "two.dcm", try corpus("ct_enhanced_2frame_rle.dcm"))
        let frames = await processor(.preset(.ctLung), formats: [.png], in: folder).process(cine)
        #expect(frames.outputs == [folder + "/out/two.dcm.1.png", folder + "/out/two.dcm.2.png"])
        let remaining = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").sorted()
        #expect(remaining == ["two.dcm.1.png", "two.dcm.2.png"])
    }
}
