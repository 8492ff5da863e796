import LucidDICOM
import LucidImaging
import LucidRendering
import LucidTestSupport
import Testing

/// `--window auto` on a real GE CT whose corners outside the reconstruction circle hold -3024 HU
/// while its Pixel Padding Value declares -32768: the fill is left out by its shape.
@Suite struct AutomaticWindowSampleTests {
    @Test("the GE CT's automatic window starts near air (-1024 HU), not at the -3024 HU fill")
    func geCT() throws {
        let image = try DICOMImage(path: SampleCorpus.path("ct_ge_ivrle_window.dcm"))
        let rendering = try Renderer.render(image, options: RenderOptions(window: .automatic, threads: 1))
        guard case .window(let window) = rendering.voi else {
            Issue.record("an automatic VOI is a window, not \(rendering.voi)")
            return
        }
        let low = window.center - 0.5 - (window.width - 1) / 2
        let high = window.center - 0.5 + (window.width - 1) / 2
        #expect(low >= -1024 && low < -900, "low end \(low) HU")
        #expect(high <= 1225 && high > 0, "high end \(high) HU")
    }
}
