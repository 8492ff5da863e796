import LucidImaging
import Testing

/// `NonLocalMeans` against a direct double-precision reference (within 1 grey level), OpenCV's
/// output, and its properties.
@Suite struct NonLocalMeansTests {
    @Test(arguments: [(1, 1), (1, 6), (6, 1), (3, 7), (12, 9)])
    func smallImagesMatchReference(width: Int, height: Int) throws {
        let filter = try NonLocalMeans(h: 30, bitsStored: 12)
        let image = DenoisingTestSupport.addingNoise(
            to: DenoisingTestSupport.phantom(width: width, height: height), sigma: 30, seed: UInt64(width * 31 + height)
        )
        let reference = NonLocalMeansReference.denoise(
            image, h: 30, templateSize: 7, searchSize: 21, maximumSample: 4095)
        #expect(DenoisingTestSupport.maximumDifference(filter.apply(image, threads: 2), reference) <= 1)
    }

    @Test(arguments: [(3, 5, 40.0), (5, 11, 25.0), (1, 3, 60.0), (9, 9, 200.0)])
    func otherWindowSizesMatchReference(templateSize: Int, searchSize: Int, h: Double) throws {
        // 271 x 53 crosses the 256-column and 48-row tiles.
        let filter = try NonLocalMeans(h: h, templateSize: templateSize, searchSize: searchSize, bitsStored: 12)
        let image = DenoisingTestSupport.addingNoise(
            to: DenoisingTestSupport.phantom(width: 271, height: 53), sigma: 30, seed: 5)
        let fast = filter.apply(image, threads: 3)
        let reference = NonLocalMeansReference.denoise(
            image, h: h, templateSize: templateSize, searchSize: searchSize, maximumSample: 4095)
        #expect(DenoisingTestSupport.maximumDifference(fast, reference) <= 1)
    }

    @Test func defaultWindowsMatchReferenceAtChosenPixels() throws {
        // Corners, edges, tile boundaries (columns 255/256, rows 47/48) and a spread of others.
        let filter = try NonLocalMeans(h: 30, bitsStored: 12)
        let image = DenoisingTestSupport.addingNoise(
            to: DenoisingTestSupport.phantom(width: 263, height: 61), sigma: 30, seed: 9)
        let fast = filter.apply(image, threads: 1)
        var points = [(0, 0), (262, 0), (0, 60), (262, 60), (255, 47), (256, 48), (255, 48), (256, 47), (131, 30)]
        points += (0..<24).map { index in ((index * 37) % 263, (index * 17) % 61) }
        for (x, y) in points {
            let expected = NonLocalMeansReference.denoised(
                image, x: x, y: y, h: 30, templateSize: 7, searchSize: 21, maximumSample: 4095)
            #expect(abs(Int(fast[x, y]) - Int(expected)) <= 1, "pixel (\(x), \(y))")
        }
    }

    @Test func constantImageIsUnchanged() throws {
        let filter = try NonLocalMeans(h: 30, bitsStored: 12)
        for value: UInt16 in [0, 1, 4095] {
            let image = GrayImage(width: 29, height: 23, repeating: value)
            #expect(filter.apply(image) == image)
        }
    }

    @Test func reducesNoiseOnAPhantom() throws {
        let clean = DenoisingTestSupport.phantom(width: 96, height: 80)
        let noisy = DenoisingTestSupport.addingNoise(to: clean, sigma: 30, seed: 42)
        let denoised = try NonLocalMeans(h: 30, bitsStored: 12).apply(noisy)
        let before = DenoisingTestSupport.rootMeanSquareDifference(noisy, clean)
        let after = DenoisingTestSupport.rootMeanSquareDifference(denoised, clean)
        // About 30 -> 10.5: flat areas drop to a few levels; pixels along the disc's 1200-level edge
        // find few matching patches and keep more noise (they are not blurred).
        #expect(before > 25)
        #expect(after * 2.5 < before, "RMSE \(before) -> \(after)")
    }

    @Test func resultDoesNotDependOnThreadCount() throws {
        let filter = try NonLocalMeans(h: 30, bitsStored: 12)
        let image = GrayImage.random(width: 270, height: 70, maximumSample: 4095, seed: 13)
        let single = filter.apply(image, threads: 1)
        for threads in [2, 3, 7] {
            #expect(filter.apply(image, threads: threads) == single, "threads \(threads)")
        }
    }

    @Test func oddStridesGiveTheSameResult() throws {
        let filter = try NonLocalMeans(h: 30, templateSize: 5, searchSize: 9, bitsStored: 12)
        for (width, height) in [(1, 1), (33, 17), (259, 9)] {
            let image = GrayImage.random(width: width, height: height, maximumSample: 4095, seed: 17)
            let strided = DenoisingTestSupport.applyStrided(image, sourcePadding: 3, destinationPadding: 5, threads: 2)
            { source, destination in
                filter.apply(source, into: destination, threads: 2)
            }
            #expect(strided.image == filter.apply(image, threads: 1))
            #expect(strided.paddingIntact)
        }
    }

    @Test func matchesOpenCVFixture() throws {
        let input = try DenoisingTestSupport.fixture("denoise_input_37x29.u16")
        let expected = try DenoisingTestSupport.fixture("denoise_nlm_h30_37x29.u16")
        let output = try NonLocalMeans(h: 30, bitsStored: 12).apply(input)
        // OpenCV sums fixed-point integer weights; Lucid sums Float weights: within 1 level.
        #expect(DenoisingTestSupport.maximumDifference(output, expected) <= 1)
    }

    @Test func rejectsInvalidParameters() {
        #expect(throws: ImageOperationError.self) { try NonLocalMeans(h: 0) }
        #expect(throws: ImageOperationError.self) { try NonLocalMeans(h: .infinity) }
        #expect(throws: ImageOperationError.self) { try NonLocalMeans(h: 10, templateSize: 6) }
        #expect(throws: ImageOperationError.self) { try NonLocalMeans(h: 10, searchSize: 103) }
        #expect(throws: ImageOperationError.self) { try NonLocalMeans(h: 10, bitsStored: 0) }
    }
}
