import LucidImaging
import Testing

/// `BilateralFilter` against a double-precision reference (within 1 grey level), OpenCV's output,
/// and its properties.
@Suite struct BilateralFilterTests {
    static let sizes = [(1, 1), (1, 9), (9, 1), (3, 7), (33, 17), (70, 41), (530, 5)]

    @Test(arguments: [(5, 2.0, 100.0), (9, 4.0, 100.0), (4, 1.5, 300.0), (3, 0.7, 20.0)])
    func matchesReferenceWithinOneLevel(diameter: Int, sigmaSpace: Double, sigmaColor: Double) throws {
        let filter = try BilateralFilter(
            diameter: diameter, sigmaSpace: sigmaSpace, sigmaColor: sigmaColor, bitsStored: 12)
        for (index, (width, height)) in Self.sizes.enumerated() {
            let image = GrayImage.random(width: width, height: height, maximumSample: 4095, seed: UInt64(100 + index))
            let fast = filter.apply(image, threads: 2)
            let reference = BilateralReference.filter(
                image, diameter: diameter, sigmaSpace: sigmaSpace, sigmaColor: sigmaColor, maximumSample: 4095)
            #expect(DenoisingTestSupport.maximumDifference(fast, reference) <= 1, "size \(width)x\(height)")
        }
    }

    @Test func sixteenBitSamplesMatchReference() throws {
        let filter = try BilateralFilter(diameter: 7, sigmaSpace: 3, sigmaColor: 8000)
        let image = GrayImage.random(width: 45, height: 23, maximumSample: 65535, seed: 7)
        let reference = BilateralReference.filter(
            image, diameter: 7, sigmaSpace: 3, sigmaColor: 8000, maximumSample: 65535)
        #expect(DenoisingTestSupport.maximumDifference(filter.apply(image), reference) <= 1)
    }

    @Test func constantImageIsUnchanged() throws {
        let filter = try BilateralFilter(diameter: 9, sigmaSpace: 4, sigmaColor: 100, bitsStored: 12)
        for value: UInt16 in [0, 1, 2047, 4095] {
            let image = GrayImage(width: 37, height: 19, repeating: value)
            #expect(filter.apply(image) == image)
        }
    }

    @Test func stepEdgeIsPreserved() throws {
        // A 2000-level step is 20 sigmaColor: weights across it are exp(-200), so each side keeps
        // its level exactly.
        let filter = try BilateralFilter(diameter: 9, sigmaSpace: 4, sigmaColor: 100, bitsStored: 12)
        let pixels = (0..<(40 * 20)).map { index in UInt16(index % 40 < 17 ? 1000 : 3000) }
        let image = GrayImage(width: 40, height: 20, pixels: pixels)
        #expect(DenoisingTestSupport.maximumDifference(filter.apply(image), image) <= 1)
    }

    @Test func resultDoesNotDependOnThreadCount() throws {
        let filter = try BilateralFilter(diameter: 5, sigmaSpace: 2, sigmaColor: 100, bitsStored: 12)
        let image = GrayImage.random(width: 257, height: 133, maximumSample: 4095, seed: 11)
        let single = filter.apply(image, threads: 1)
        for threads in [2, 3, 7] {
            #expect(filter.apply(image, threads: threads) == single, "threads \(threads)")
        }
    }

    @Test func oddStridesGiveTheSameResult() throws {
        let filter = try BilateralFilter(diameter: 5, sigmaSpace: 2, sigmaColor: 100, bitsStored: 12)
        for (width, height) in [(1, 1), (33, 17), (257, 33)] {
            let image = GrayImage.random(width: width, height: height, maximumSample: 4095, seed: 21)
            let strided = DenoisingTestSupport.applyStrided(image, sourcePadding: 5, destinationPadding: 3, threads: 3)
            { source, destination in
                filter.apply(source, into: destination, threads: 3)
            }
            #expect(strided.image == filter.apply(image, threads: 1))
            #expect(strided.paddingIntact)
        }
    }

    @Test func matchesOpenCVFixture() throws {
        let input = try DenoisingTestSupport.fixture("denoise_input_37x29.u16")
        for (diameter, sigmaSpace) in [(5, 2.0), (9, 4.0)] {
            let expected = try DenoisingTestSupport.fixture("denoise_bilateral_d\(diameter)_37x29.u16")
            let filter = try BilateralFilter(
                diameter: diameter, sigmaSpace: sigmaSpace, sigmaColor: 100, bitsStored: 12)
            // OpenCV interpolates its float range weights from a table; results agree within 1 level.
            #expect(DenoisingTestSupport.maximumDifference(filter.apply(input), expected) <= 1, "d=\(diameter)")
        }
    }

    @Test func keepsSizeAndParameters() throws {
        let filter = try BilateralFilter(diameter: 8, sigmaSpace: 2.5, sigmaColor: 50, bitsStored: 10)
        #expect(filter.radius == 4)
        let image = GrayImage.random(width: 13, height: 6, maximumSample: 1023, seed: 3)
        let output = filter.apply(image)
        #expect(output.width == 13 && output.height == 6)
        #expect(output.pixels.allSatisfy { $0 <= 1023 })
    }

    @Test func rejectsInvalidParameters() {
        #expect(throws: ImageOperationError.self) { try BilateralFilter(diameter: 2, sigmaSpace: 1, sigmaColor: 1) }
        #expect(throws: ImageOperationError.self) { try BilateralFilter(diameter: 64, sigmaSpace: 1, sigmaColor: 1) }
        #expect(throws: ImageOperationError.self) { try BilateralFilter(diameter: 5, sigmaSpace: 0, sigmaColor: 1) }
        #expect(throws: ImageOperationError.self) {
            try BilateralFilter(diameter: 5, sigmaSpace: 1, sigmaColor: .nan)
        }
        #expect(throws: ImageOperationError.self) {
            try BilateralFilter(diameter: 5, sigmaSpace: 1, sigmaColor: 1, bitsStored: 17)
        }
    }
}
