import LucidImaging

extension OperationRegistry {
    /// `window`: 16-bit samples to 8-bit display levels through a window (PS3.3 C.11.2.1.2) with
    /// identity Modality LUT, so `center` and `width` are in sample units. Defaults: centre and
    /// width `2^(bits-1)` (the middle half of the range), function LINEAR.
    ///
    /// Runs ``Windowing/apply(_:pipeline:threads:)`` (the exact display table built, then applied
    /// over `threads` threads, on every run).
    static func window(_ parameters: BenchParameters, bitsStored: Int, threads: Int) throws -> BenchOperation {
        let half = Double(1 << (bitsStored - 1))
        let window = Window(
            center: parameters.center ?? half, width: parameters.width ?? half,
            function: parameters.function ?? .linear)
        let pipeline = DisplayPipeline(
            encoding: StoredValueEncoding(bitsStored: bitsStored, isSigned: false), modality: .identity,
            voi: .window(window), invert: false)
        do throws(DisplayPipelineError) {
            try pipeline.validate()
        } catch {
            throw BenchSetupError.invalidParameter("window: \(error)")
        }
        let reported = [
            BenchParameter("center", window.center),
            BenchParameter("width", window.width), BenchParameter("function", window.function.rawValue),
        ]
        return BenchOperation(name: "window", parameters: reported, threads: threads) { image in
            .gray8(try Windowing.apply(image, pipeline: pipeline, threads: threads))
        }
    }
}
