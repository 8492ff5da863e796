import Benchmark
import LucidImaging

/// The images the kernel benchmarks run on: the 12-bit synthetic phantom at the comparison script's
/// CT and CR sizes (`lucid bench` without `--input` uses the same phantom).
enum BenchmarkImages {
    /// (width, height) of each benchmarked image.
    static let sizes = [(512, 512), (2048, 2500)]

    /// The phantom of this size, 12 bits, seed 1.
    static func phantom(width: Int, height: Int) -> GrayImage<UInt16> {
        SyntheticImage.phantom(width: width, height: height, bits: 12, seed: 1)
    }

    /// Wall clock, throughput and allocations; each benchmark stops after 2 s or 1000 iterations.
    /// Throughput is images per second: multiply by the image's megapixels for MP/s.
    static var configuration: Benchmark.Configuration {
        Benchmark.Configuration(
            metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(2), maxIterations: 1000)
    }

    /// Registers `OP/WxH[/suffix]` for every size, running `operation` on that size's phantom.
    static func register<Output>(
        _ operation: String, suffix: String = "", _ body: @escaping @Sendable (GrayImage<UInt16>) throws -> Output
    ) {
        for (width, height) in sizes {
            let image = phantom(width: width, height: height)
            let name = "\(operation)/\(width)x\(height)" + (suffix.isEmpty ? "" : "/\(suffix)")
            Benchmark(name, configuration: configuration) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try body(image))
                }
            }
        }
    }
}
