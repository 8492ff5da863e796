import LucidDICOM
import LucidImaging
import LucidRendering
import LucidTestSupport
import Testing

/// Operations before the window: the renderer applies them to the stored samples in order, then
/// the window, exactly as composing the kernels by hand does.
@Suite struct RenderWithStepsTests {
    @Test("Median, CLAHE and unsharp mask, then the file's window, equal the kernels composed by hand")
    func composed() throws {
        let image = try DICOMImage(path: SampleCorpus.path("cr_fuji_mono1_10bit.dcm"))
        let spec = try StepsSpec(
            parsing: "denoise:median:3 | clahe:clip=2,tiles=8x8 | unsharp:sigma=1.5,amount=0.6 | window:file")
        let options = RenderOptions(window: spec.window, filters: spec.filters, threads: 2)
        let rendering = try Renderer.render(image, options: options)

        let bits = image.pixel.encoding.bitsStored
        var samples = try image.frame(0)
        samples = try MedianFilter(size: 3, bitsStored: bits).apply(samples, threads: 1)
        samples = try CLAHE(clipLimit: 2, tilesX: 8, tilesY: 8, bitsStored: bits).apply(samples, threads: 1)
        samples = try UnsharpMask(sigma: 1.5, amount: 0.6, bitsStored: bits).apply(samples, threads: 1)
        let display = image.display()
        let window = try #require(display.windows.first)
        let pipeline = DisplayPipeline(
            encoding: image.pixel.encoding, modality: display.modality, voi: .window(window), invert: display.invert)
        #expect(rendering.image8 == (try pipeline.render(samples)))
        #expect(rendering.steps == spec.description)
        #expect(rendering.provenance.contains { $0.key == "Steps" && $0.value == spec.description })
    }

    @Test("Without steps the rendering is the plain pipeline; with steps it differs")
    func stepsChangeTheImage() throws {
        let image = try DICOMImage(path: SampleCorpus.path("ct_ge_ivrle_window.dcm"))
        let plain = try Renderer.render(image)
        let equalised = try Renderer.render(image, options: RenderOptions(filters: [.equalize]))
        #expect(plain.image8 != equalised.image8)
        #expect(plain.steps == "window:file")
        #expect(equalised.steps == "equalize | window:file")
    }

    @Test("Parameters that do not fit the image are a render error naming the file")
    func invalidParameters() throws {
        let image = try DICOMImage(path: SampleCorpus.path("mr_small_evrle.dcm"))
        #expect {
            _ = try Renderer.render(
                image, options: RenderOptions(filters: [.nonLocalMeans(h: 30, template: 8, search: 21)]))
        } throws: { error in
            guard case RenderError.invalidStep(let file, _) = error else { return false }
            return file == SampleCorpus.path("mr_small_evrle.dcm")
        }
    }
}
