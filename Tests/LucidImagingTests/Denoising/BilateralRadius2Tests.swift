import LucidImaging
import Testing

/// The radius-2 kernel of `BilateralFilter` (diameters 4 and 5): reference agreement across column
/// blocks, sigmas and bit depths, thread and stride independence, and the `sigmaColor` range it covers.
@Suite struct BilateralRadius2Tests {
    /// Sizes that cross the 256-column blocks and the strip boundaries.
    static let sizes = [(1, 1), (2, 3), (4, 2), (5, 9), (255, 4), (256, 3), (257, 6), (300, 11), (530, 5)]

    @Test(arguments: [
        (5, 2.0, 100.0), (4, 1.5, 300.0), (5, 0.8, 5.0), (5, 3.0, 3000.0), (4, 2.0, 1e-6), (5, 2.0, 1e9),
    ])
    func matchesReferenceWithinOneLevel(diameter: Int, sigmaSpace: Double, sigmaColor: Double) throws {
        let filter = try BilateralFilter(
            diameter: diameter, sigmaSpace: sigmaSpace, sigmaColor: sigmaColor, bitsStored: 12)
        for (index, (width, height)) in Self.sizes.enumerated() {
            let image = GrayImage.random(width: width, height: height, maximumSample: 4095, seed: UInt64(300 + index))
            let reference = BilateralReference.filter(
                image, diameter: diameter, sigmaSpace: sigmaSpace, sigmaColor: sigmaColor, maximumSample: 4095)
            for threads in [1, 3] {
                let fast = filter.apply(image, threads: threads)
                #expect(DenoisingTestSupport.maximumDifference(fast, reference) <= 1, "size \(width)x\(height)")
            }
        }
    }

    @Test func smoothNoisyPhantomMatchesReference() throws {
        let filter = try BilateralFilter(diameter: 5, sigmaSpace: 2, sigmaColor: 100, bitsStored: 12)
        let phantom = DenoisingTestSupport.phantom(width: 301, height: 67)
        let image = DenoisingTestSupport.addingNoise(to: phantom, sigma: 40, seed: 5)
        let reference = BilateralReference.filter(
            image, diameter: 5, sigmaSpace: 2, sigmaColor: 100, maximumSample: 4095)
        #expect(DenoisingTestSupport.maximumDifference(filter.apply(image, threads: 2), reference) <= 1)
    }

    @Test(arguments: [30.0, 8000.0])
    func sixteenBitSamplesMatchReference(sigmaColor: Double) throws {
        let filter = try BilateralFilter(diameter: 5, sigmaSpace: 2, sigmaColor: sigmaColor)
        let image = GrayImage.random(width: 261, height: 13, maximumSample: 65535, seed: 9)
        let reference = BilateralReference.filter(
            image, diameter: 5, sigmaSpace: 2, sigmaColor: sigmaColor, maximumSample: 65535)
        #expect(DenoisingTestSupport.maximumDifference(filter.apply(image), reference) <= 1)
    }

    @Test(arguments: [4, 5])
    func constantImageIsUnchanged(diameter: Int) throws {
        let filter = try BilateralFilter(diameter: diameter, sigmaSpace: 2, sigmaColor: 100, bitsStored: 12)
        for value: UInt16 in [0, 1, 2047, 4095] {
            let image = GrayImage(width: 263, height: 7, repeating: value)
            #expect(filter.apply(image) == image)
        }
    }

    @Test func stepEdgeIsPreserved() throws {
        let filter = try BilateralFilter(diameter: 5, sigmaSpace: 2, sigmaColor: 100, bitsStored: 12)
        let pixels = (0..<(300 * 9)).map { index in UInt16(index % 300 < 131 ? 1000 : 3000) }
        let image = GrayImage(width: 300, height: 9, pixels: pixels)
        #expect(filter.apply(image) == image)
    }

    @Test func resultDoesNotDependOnThreadCountOrStride() throws {
        let filter = try BilateralFilter(diameter: 4, sigmaSpace: 1.5, sigmaColor: 60, bitsStored: 12)
        let image = GrayImage.random(width: 517, height: 41, maximumSample: 4095, seed: 13)
        let single = filter.apply(image, threads: 1)
        for threads in [2, 3, 7] {
            #expect(filter.apply(image, threads: threads) == single, "threads \(threads)")
        }
        let strided = DenoisingTestSupport.applyStrided(image, sourcePadding: 7, destinationPadding: 2, threads: 7) {
            source, destination in
            filter.apply(source, into: destination, threads: 7)
        }
        #expect(strided.image == single)
        #expect(strided.paddingIntact)
    }
}
