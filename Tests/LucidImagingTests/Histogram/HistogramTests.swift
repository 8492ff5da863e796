import LucidTestSupport
import Testing

@testable import LucidImaging

@Suite("Histogram")
struct HistogramTests {
    static let sizes = [(1, 1), (1, 9), (9, 1), (3, 7), (33, 17), (257, 33)]

    /// The obvious count: one increment per pixel, out-of-range samples in the last bin.
    static func referenceCounts(_ samples: [UInt16], bitsStored: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: 1 << bitsStored)
        for sample in samples { counts[min(Int(sample), counts.count - 1)] += 1 }
        return counts
    }

    @Test("counts equal the reference for every thread count", arguments: sizes)
    func countsMatchReference(width: Int, height: Int) throws {
        for bitsStored in [1, 8, 12, 16] {
            let image = GrayImage<UInt16>.random(
                width: width, height: height, maximumSample: min(65535, (1 << bitsStored) + 40),
                seed: UInt64(width * 31 + height + bitsStored))
            let expected = Self.referenceCounts(image.pixels, bitsStored: bitsStored)
            for threads in [1, 2, 3, 7] {
                let histogram = try Histogram(image, bitsStored: bitsStored, threads: threads)
                #expect(histogram.counts == expected, "bits=\(bitsStored) threads=\(threads)")
                #expect(histogram.totalCount == width * height)
            }
        }
    }

    @Test("the kernel reads only `width` samples of each strided row", arguments: sizes)
    func stridedRows(width: Int, height: Int) {
        let stride = width + 7
        var generator = SeededGenerator(seed: UInt64(width + height))
        let samples = (0..<(stride * height)).map { index in
            index % stride < width ? UInt16.random(in: 0...4095, using: &generator) : 4095
        }
        let inside = (0..<height).flatMap { y in samples[(y * stride)..<(y * stride + width)] }
        for lanes in [1, 4] {
            var counters = [UInt32](repeating: 0, count: 4096 * lanes)
            samples.withUnsafeBufferPointer { source in
                counters.withUnsafeMutableBufferPointer { output in
                    guard let input = source.baseAddress, let target = output.baseAddress else { return }
                    HistogramKernels.countRows(
                        source: input, stride: stride, width: width, rows: 0..<height, binCount: 4096, lanes: lanes,
                        counters: target)
                }
            }
            let merged = (0..<4096).map { bin in (0..<lanes).reduce(0) { $0 + Int(counters[$1 * 4096 + bin]) } }
            #expect(merged == Self.referenceCounts(inside, bitsStored: 12), "lanes=\(lanes)")
        }
    }

    @Test("a constant image fills one bin; summaries follow the counts")
    func constantImage() throws {
        let image = GrayImage<UInt16>(width: 13, height: 5, repeating: 300)
        let histogram = try Histogram(image, bitsStored: 10, threads: 3)
        #expect(histogram.counts.count == 1024)
        #expect(histogram.counts[300] == 65)
        #expect(histogram.minimumSample == 300 && histogram.maximumSample == 300)
        #expect(histogram.cumulativeCounts[299] == 0 && histogram.cumulativeCounts[1023] == 65)
    }

    @Test("bitsStored outside 1...16 is rejected", arguments: [0, -3, 17])
    func invalidBitsStored(bitsStored: Int) {
        let image = GrayImage<UInt16>(width: 2, height: 2, repeating: 1)
        #expect(throws: ImageOperationError.self) { try Histogram(image, bitsStored: bitsStored) }
        #expect(throws: ImageOperationError.self) { try HistogramEqualization(bitsStored: bitsStored) }
    }
}
