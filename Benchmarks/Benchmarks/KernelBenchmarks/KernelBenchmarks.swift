import Benchmark

/// Every kernel benchmark, registered by operation. Names are `OP/WxH[/parameters]`, so
/// `swift package benchmark --filter window` runs one operation and `--filter '.*/512x512'` one size.
let benchmarks: @Sendable () -> Void = {
    windowBenchmarks()
    filterBenchmarks()
}
