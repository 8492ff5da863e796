import Foundation
import LucidBatch
import LucidImaging
import LucidPNG
import LucidRendering
import LucidTestSupport
import Testing

/// What the batch captures for `--report` while frames are in memory: the identity of each image
/// and a before/after pair of thumbnails of its first processed frame, only when asked.
@Suite struct BatchReportCaptureTests {
    func outcome(
        _ name: String, steps: String = "window:file", formats: [RenditionFormat] = [.png], report: Bool = true
    ) async throws -> FileOutcome {
        let folder = try LucidBinary.temporaryFolder()
        let layout = OutputLayout(inputs: [folder + "/in"], usesFilesFrom: false, outputDirectory: folder + "/out")
        var settings = ProcessSettings(
            recipe: .steps(try StepsSpec(parsing: steps)), formats: formats, threads: 2, layout: layout)
        settings.capturesReport = report
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        let path = folder + "/in/" + name
        try FileManager.default.copyItem(atPath: SampleCorpus.path(name), toPath: path)
        return await FileProcessor(settings: settings).process(path)
    }

    /// The samples of an 8-bit grey PNG; nil for another kind.
    static func gray(_ png: [UInt8]) throws -> GrayImage<UInt8>? {
        guard case .gray8(let image) = try PNGCodec.decode(png).image else { return nil }
        return image
    }

    @Test("A CT: its identity, and 192 x 192 grey thumbnails of the file's window (before) and the recipe's (after)")
    func grayscale() async throws {
        let outcome = try await outcome("ct_nema_ct1_evrle.dcm", steps: "window:40,400")
        #expect(outcome.status == .ok)
        let capture = try #require(outcome.report)
        #expect(
            capture.identity
                == ReportIdentity(
                    patientName: "CompressedSamples^CT1", patientID: "1CT1",
                    studyInstanceUID: "1.3.6.1.4.1.5962.1.2.1.20040826185059.5457", studyDate: "20040826",
                    studyDescription: "e+1", seriesNumber: "1", seriesDescription: "", modality: "CT"))
        let thumbnails = try #require(capture.thumbnails)
        #expect(thumbnails.frame == 1)
        let before = try #require(try Self.gray(thumbnails.before.png))
        let after = try #require(try Self.gray(thumbnails.after.png))
        let sizes: [Int] = [before.width, before.height, after.width, after.height]
        #expect(sizes == [192, 192, 192, 192])
        #expect(thumbnails.before.width == 192 && thumbnails.before.height == 192)
        #expect(before != after)
        #expect(Set(after.pixels).count > 100)
        // `before` is the image as its default display shows it: the `after` of a run without steps.
        let plain = try await self.outcome("ct_nema_ct1_evrle.dcm")
        #expect(plain.report?.thumbnails?.after == thumbnails.before)
    }

    @Test("With 16-bit renditions only, the thumbnails are 8-bit: the rendition's high bytes")
    func sixteenBit() async throws {
        let outcome = try await outcome("mr_small_evrle.dcm", formats: [.png16])
        let output = try #require(outcome.outputs.first)
        let bytes = try #require(FileManager.default.contents(atPath: output))
        let rendition = try PNGCodec.decode([UInt8](bytes))
        guard case .gray16(let samples) = rendition.image else {
            Issue.record("the rendition is not 16-bit")
            return
        }
        let png = try #require(outcome.report?.thumbnails?.after.png)
        let thumbnail = try #require(try Self.gray(png))
        #expect(thumbnail.width == 64 && thumbnail.height == 64)
        #expect(thumbnail.pixels == samples.pixels.map { UInt8($0 >> 8) })
    }

    @Test("A colour US: the same RGB thumbnail before and after (a colour image is rendered as it is)")
    func color() async throws {
        let outcome = try await outcome("us_rgb_evrle.dcm")
        let thumbnails = try #require(outcome.report?.thumbnails)
        #expect(thumbnails.before == thumbnails.after)
        #expect(thumbnails.after.width == 192 && thumbnails.after.height == 90)
        let file = try LucidBinary.temporaryFolder() + "/us.png"
        #expect(FileManager.default.createFile(atPath: file, contents: Data(thumbnails.after.png)))
        let decoded = try ReferencePNG(path: file)
        let shape: [Int] = [decoded.width, decoded.height, decoded.channels]
        #expect(shape == [192, 90, 3])
    }

    @Test("A multi-frame file gives the thumbnails of its first frame only")
    func multiFrame() async throws {
        let outcome = try await outcome("mr_bruker_enhanced_4frame_signed.dcm")
        #expect(outcome.windows.count == 4)
        #expect(outcome.report?.thumbnails?.frame == 1)
    }

    @Test("A failed file keeps its identity and no thumbnail; without --report nothing is captured")
    func failedAndOff() async throws {
        let failed = try await outcome("mr_small_truncated_pixeldata.dcm")
        #expect(failed.status == .failed)
        #expect(failed.report?.identity?.patientID == "4MR1")
        #expect(failed.report?.thumbnails == nil)
        let off = try await outcome("ct_nema_ct1_evrle.dcm", report: false)
        #expect(off.status == .ok)
        #expect(off.report == nil)
    }

    @Test("Every image of a page from processed files is a data: PNG of its stated size")
    func pageImages() async throws {
        let outcomes = [
            try await outcome("ct_nema_ct1_evrle.dcm"), try await outcome("mr_small_evrle.dcm"),
        ]
        let path = try LucidBinary.temporaryFolder() + "/report.html"
        let report = BatchReport(path: path)
        for outcome in outcomes { report.add(ReportRow(outcome: outcome)) }
        try report.write(generated: "now")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let images = html.matches(
            of: /<img src="data:image\/png;base64,([A-Za-z0-9+\/=]+)" width="(\d+)" height="(\d+)"/)
        #expect(images.count == 4)
        #expect(html.components(separatedBy: "<img ").count == 5)
        var sizes: [[Int]] = []
        for image in images {
            let bytes = try #require(Data(base64Encoded: String(image.output.1)))
            let decoded = try #require(try Self.gray([UInt8](bytes)))
            #expect(
                [decoded.width, decoded.height] == [
                    try #require(Int(image.output.2)), try #require(Int(image.output.3)),
                ])
            sizes.append([decoded.width, decoded.height])
        }
        #expect(sizes == [[192, 192], [192, 192], [64, 64], [64, 64]])
    }
}
