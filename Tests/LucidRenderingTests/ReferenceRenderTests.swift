import Foundation
import LucidDICOM
import LucidImaging
import LucidPNG
import LucidRendering
import LucidTestSupport
import Testing

/// The alternative renderings of the sample corpus (a file's other windows); every file's main
/// rendering is compared in `CorpusRenderTests`.
@Suite struct ReferenceRenderTests {
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
