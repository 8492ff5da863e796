import Foundation
import LucidCodecs
import LucidDICOM
import LucidImaging
import LucidPipeline
import LucidTestSupport
import Testing

/// Every grayscale file Lucid decodes, rendered with the reference rule (VOI LUT item 1, else the
/// first window, else min/max with padding), matches `expected/*.png` within one grey level
/// (three for the lossy JPEG file, whose decoders disagree).
@Suite struct ReferenceRenderTests {
    static let rendered: [String] = ((try? SampleCorpus.manifestEntries()) ?? []).compactMap { entry in
        guard let name = entry["file"] as? String, let render = entry["render"] as? [String: Any],
            render["kind"] as? String == "grayscale", SampleOutcome.decodes(name)
        else { return nil }
        return name
    }

    @Test("The decodable grayscale renderings are all compared")
    func coverage() {
        #expect(ReferenceRenderTests.rendered.count == 26)
    }

    @Test("Reference rendering matches expected/*.png", arguments: rendered)
    func reference(name: String) throws {
        let entry = try SampleCorpus.entry(name)
        let render = try #require(entry["render"] as? [String: Any])
        let tolerance = name == "ot_jpeg_baseline_gray8.dcm" ? 3 : 1
        let image = try DICOMImage(path: SampleCorpus.path(name))
        let rendering = try Renderer.render(image, options: .reference)
        try compare(rendering, expectedPNG: try #require(render["png"] as? String), tolerance: tolerance, name: name)
        for probe in (render["probe_pixels"] as? [[Int]]) ?? [] {
            let rendered = Int(try #require(rendering.image8)[probe[1], probe[0]])
            #expect(abs(rendered - probe[2]) <= tolerance, "\(name) probe \(probe) rendered \(rendered)")
        }
    }

    @Test("The mammogram's first SIGMOID window matches the alternative rendering")
    func sigmoidAlternative() throws {
        let name = "mg_ge_sigmoid_3windows_jpegll.dcm"
        let image = try DICOMImage(path: SampleCorpus.path(name))
        var options = RenderOptions.reference
        options.window = .file(1)
        let rendering = try Renderer.render(image, options: options)
        #expect(rendering.windowDescription.contains("SIGMOID"))
        try compare(
            rendering, expectedPNG: "expected/mg_ge_sigmoid_3windows_jpegll.window.png", tolerance: 1, name: name)
    }

    func compare(_ rendering: Rendering, expectedPNG: String, tolerance: Int, name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: SampleCorpus.path(expectedPNG)))
        let decoded = try PNGCodec.decode([UInt8](bytes))
        guard case .gray8(let expected) = decoded.image else {
            Issue.record("\(expectedPNG) is not an 8-bit grayscale PNG")
            return
        }
        let actual = try #require(rendering.image8)
        #expect(actual.width == expected.width && actual.height == expected.height)
        guard actual.pixels.count == expected.pixels.count else { return }
        var worst = 0
        var differing = 0
        for (a, e) in zip(actual.pixels, expected.pixels) {
            let difference = abs(Int(a) - Int(e))
            worst = max(worst, difference)
            if difference > 0 { differing += 1 }
        }
        #expect(worst <= tolerance, "\(name): largest difference \(worst), \(differing) pixels differ")
    }
}
