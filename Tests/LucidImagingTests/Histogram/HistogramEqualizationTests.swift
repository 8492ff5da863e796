import LucidTestSupport
import Testing

@testable import LucidImaging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Histogram equalisation")
struct HistogramEqualizationTests {
    /// numpy's recipe, one value at a time: `cdf = bincount(img).cumsum()`, `cdf_min` the count of
    /// the smallest present value, `lut = floor((cdf - cdf_min) * top / (N - cdf_min) + 0.5)` (0 below
    /// the smallest value), `out = lut[img]`; a constant image stays as it is.
    static func reference(_ image: GrayImage<UInt16>, bitsStored: Int) -> [UInt16] {
        let top = (1 << bitsStored) - 1
        let samples = image.pixels.map { min(Int($0), top) }
        var counts = [Int](repeating: 0, count: top + 1)
        for sample in samples { counts[sample] += 1 }
        var cdf = counts
        for index in 1..<cdf.count { cdf[index] += cdf[index - 1] }
        guard let minimum = samples.min() else { return [] }
        let total = samples.count
        let cdfMinimum = counts[minimum]
        guard total > cdfMinimum else { return image.pixels }
        return samples.map { sample in
            let value = Double(cdf[sample] - cdfMinimum) * Double(top) / Double(total - cdfMinimum)
            return UInt16(floor(value + 0.5))
        }
    }

    /// A skewed 12-bit image: most samples dark, a long bright tail.
    static func skewed(width: Int, height: Int, seed: UInt64) -> GrayImage<UInt16> {
        var generator = SeededGenerator(seed: seed)
        let pixels = (0..<(width * height)).map { _ in
            let u = Double.random(in: 0..<1, using: &generator)
            return UInt16(min(4095, Int(400 + 3695 * u * u * u)))
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    @Test(
        "equals the reference formula for every thread count",
        arguments: [(1, 1), (1, 9), (9, 1), (3, 7), (33, 17), (257, 33)])
    func matchesReference(width: Int, height: Int) throws {
        for bitsStored in [8, 12, 16] {
            let image = GrayImage<UInt16>.random(
                width: width, height: height, maximumSample: min(65535, (1 << bitsStored) + 9), seed: UInt64(width))
            let expected = Self.reference(image, bitsStored: bitsStored)
            let equalization = try HistogramEqualization(bitsStored: bitsStored)
            for threads in [1, 2, 3, 7] {
                let output = equalization.apply(image, threads: threads)
                #expect(output.width == width && output.height == height)
                #expect(output.pixels == expected, "bits=\(bitsStored) threads=\(threads)")
            }
        }
    }

    @Test("the output histogram is spread: its CDF is close to a straight line")
    func spreadsTheHistogram() throws {
        let image = Self.skewed(width: 301, height: 211, seed: 5)
        let output = try HistogramEqualization(bitsStored: 12).apply(image, threads: 2)
        let before = try Histogram(image, bitsStored: 12).cumulativeCounts
        let after = try Histogram(output, bitsStored: 12).cumulativeCounts
        let total = Double(image.pixels.count)
        func worstDistanceFromLinear(_ cdf: [Int]) -> Double {
            cdf.indices.reduce(0) { max($0, abs(Double(cdf[$1]) / total - Double($1 + 1) / 4096)) }
        }
        // A value cannot be split, so the CDF can only be as straight as its biggest step allows.
        let biggestStep = Double(try Histogram(image, bitsStored: 12).counts.max() ?? 0) / total
        #expect(worstDistanceFromLinear(before) > 0.3)
        #expect(worstDistanceFromLinear(after) <= biggestStep + 0.005)
        #expect(output.pixels.min() == 0 && output.pixels.max() == 4095)
    }

    @Test("the mapping is monotone and spans 0 ... top")
    func monotoneMapping() throws {
        let image = Self.skewed(width: 64, height: 64, seed: 8)
        let counts = try Histogram(image, bitsStored: 12).counts
        let mapping = try #require(HistogramEqualization.mapping(counts: counts))
        #expect(zip(mapping, mapping.dropFirst()).allSatisfy { $0 <= $1 })
        let present = counts.indices.filter { counts[$0] > 0 }
        #expect(mapping[present[0]] == 0 && mapping[present[present.count - 1]] == 4095)
        let output = try HistogramEqualization(bitsStored: 12).apply(image, threads: 1)
        for (a, b) in zip(image.pixels, output.pixels).prefix(500) {
            for (c, d) in zip(image.pixels, output.pixels).prefix(500) where a < c {
                #expect(b <= d)
            }
        }
    }

    @Test("a constant image is returned unchanged; two values map to 0 and top")
    func constantAndTwoValues() throws {
        let equalization = try HistogramEqualization(bitsStored: 12)
        let constant = GrayImage<UInt16>(width: 17, height: 3, repeating: 1234)
        #expect(equalization.apply(constant, threads: 3) == constant)
        let two = GrayImage<UInt16>(width: 2, height: 2, pixels: [10, 20, 20, 10])
        #expect(equalization.apply(two, threads: 2).pixels == [0, 4095, 4095, 0])
        #expect(HistogramEqualization.mapping(counts: [0, 0, 5, 0]) == nil)
        #expect(HistogramEqualization.mapping(counts: [0, 0, 0, 0]) == nil)
    }
}
