import LucidImaging

/// Windowing 16 -> 8 bit, LINEAR, centre 2048, width 2048 (sample units, identity Modality LUT):
/// the same work as `lucid bench window --center 2048 --width 2048`.
func windowBenchmarks() {
    let pipeline = DisplayPipeline(
        encoding: StoredValueEncoding(bitsStored: 12, isSigned: false), modality: .identity,
        voi: .window(Window(center: 2048, width: 2048)), invert: false)
    BenchmarkImages.register("window", suffix: "linear") { image in try Windowing.apply(image, pipeline: pipeline) }
}
