import LucidImaging

/// The filters at the parameters of the comparison table (`Benchmarks/compare.py`), all cores,
/// 12-bit data. Parameters are valid constants, so building the operations cannot fail.
func filterBenchmarks() {
    let bits = 12
    if let equalisation = try? HistogramEqualization(bitsStored: bits) {
        BenchmarkImages.register("histeq") { equalisation.apply($0) }
    }
    if let clahe = try? CLAHE(clipLimit: 2, tilesX: 8, tilesY: 8, bitsStored: bits) {
        BenchmarkImages.register("clahe", suffix: "clip2-8x8") { clahe.apply($0) }
    }
    for sigma in [1.5, 2.0] {
        if let blur = try? GaussianBlur(sigma: sigma) {
            BenchmarkImages.register("gaussian", suffix: "sigma\(sigma)") { blur.apply($0) }
        }
    }
    for size in [3, 5, 7] {
        if let median = try? MedianFilter(size: size, bitsStored: bits) {
            BenchmarkImages.register("median", suffix: "\(size)x\(size)") { median.apply($0) }
        }
    }
    if let unsharp = try? UnsharpMask(sigma: 2, amount: 1, bitsStored: bits) {
        BenchmarkImages.register("unsharp", suffix: "sigma2-amount1") { unsharp.apply($0) }
    }
    if let bilateral = try? BilateralFilter(diameter: 5, sigmaSpace: 2, sigmaColor: 100, bitsStored: bits) {
        BenchmarkImages.register("bilateral", suffix: "d5") { bilateral.apply($0) }
    }
    if let means = try? NonLocalMeans(h: 30, templateSize: 7, searchSize: 21, bitsStored: bits) {
        BenchmarkImages.register("nlm", suffix: "h30-t7-s21") { means.apply($0) }
    }
}
