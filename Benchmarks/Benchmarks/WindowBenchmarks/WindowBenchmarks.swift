import Benchmark
import LucidImaging
import LucidPipeline

/// Windowing 16 -> 8 bit (LINEAR, centre 2048, width 2048) of the 12-bit synthetic phantom, at
/// the image sizes of the comparison script. Throughput is reported in images per second;
/// multiply by the megapixels in the name for MP/s.
let benchmarks: @Sendable () -> Void = {
    let sizes = [(512, 512), (2048, 2500)]
    for (width, height) in sizes {
        let image = SyntheticImage.phantom(width: width, height: height, bits: 12, seed: 1)
        let megapixels = Double(width * height) / 1e6
        let name = "window \(width)x\(height) (\(megapixels) MP)"
        let pipeline = DisplayPipeline(
            encoding: StoredValueEncoding(bitsStored: 12, isSigned: false), modality: .identity,
            voi: .window(Window(center: 2048, width: 2048)), invert: false)
        Benchmark(name, configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal])) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try pipeline.render(image))
            }
        }
    }
}
