import LucidImaging
import Testing

/// `NonLocalMeans` picks a 16-bit kernel (template column sums within `UInt16`, saturated patch
/// sums) or a 32-bit kernel per image; both match the direct double-precision reference within 1
/// grey level, across their tiles, and do not depend on the thread count.
@Suite struct NonLocalMeansKernelTests {
    /// A 12-bit noisy phantom, the 16-bit kernel's usual input.
    static func noisyPhantom(width: Int, height: Int, seed: UInt64) -> GrayImage<UInt16> {
        DenoisingTestSupport.addingNoise(
            to: DenoisingTestSupport.phantom(width: width, height: height), sigma: 30, seed: seed)
    }

    @Test func narrowKernelTileBoundariesMatchReference() throws {
        // 160-row and 256-column tiles: rows 159/160 and columns 255/256 sit on either side of a seam.
        let filter = try NonLocalMeans(h: 30, bitsStored: 12)
        let image = Self.noisyPhantom(width: 259, height: 165, seed: 21)
        let fast = filter.apply(image, threads: 1)
        var points = [(0, 0), (258, 0), (0, 164), (258, 164), (255, 159), (256, 160), (255, 160), (256, 159)]
        points += [(3, 159), (3, 160), (130, 159), (130, 160), (257, 80), (1, 163)]
        for (x, y) in points {
            let expected = NonLocalMeansReference.denoised(
                image, x: x, y: y, h: 30, templateSize: 7, searchSize: 21, maximumSample: 4095)
            #expect(abs(Int(fast[x, y]) - Int(expected)) <= 1, "pixel (\(x), \(y))")
        }
        for threads in [2, 3, 7] {
            #expect(filter.apply(image, threads: threads) == fast, "threads \(threads)")
        }
    }

    @Test(arguments: [3, 9, 13, 15, 17, 19])
    func narrowKernelDisplacementGroupsMatchReference(searchSize: Int) throws {
        // Each row of displacements is added in groups of 7, then 3, then 1 (15: 7 + 7 + 1 and
        // 7 for dy = 0; 17: 7 + 7 + 3 and 7 + 1; 19: 7 + 7 + 3 + 1 and 7 + 1 + 1; 3 and 9: no 7s).
        let filter = try NonLocalMeans(h: 30, templateSize: 7, searchSize: searchSize, bitsStored: 12)
        let image = Self.noisyPhantom(width: 41, height: 27, seed: UInt64(searchSize))
        let reference = NonLocalMeansReference.denoise(
            image, h: 30, templateSize: 7, searchSize: searchSize, maximumSample: 4095)
        let single = filter.apply(image, threads: 1)
        #expect(DenoisingTestSupport.maximumDifference(single, reference) <= 1)
        #expect(filter.apply(image, threads: 3) == single)
    }

    @Test func saturatedPatchSumsMatchReference() throws {
        // 13-bit samples (a noisy phantom times 3, below 7200): 7 x 8191 fits UInt16, so the 16-bit
        // kernel runs; patches across the disc's 3600-level edge sum beyond 65535 and saturate,
        // while flat patches keep weights well above the cutoff (at shifted sums near 800).
        let filter = try NonLocalMeans(h: 400, templateSize: 7, searchSize: 7, bitsStored: 13)
        let tripled = Self.noisyPhantom(width: 45, height: 31, seed: 23).pixels.map { $0 * 3 }
        let image = GrayImage(width: 45, height: 31, pixels: tripled)
        let reference = NonLocalMeansReference.denoise(
            image, h: 400, templateSize: 7, searchSize: 7, maximumSample: 8191)
        let fast = filter.apply(image, threads: 2)
        #expect(DenoisingTestSupport.maximumDifference(fast, reference) <= 1)
        #expect(fast != image)
    }

    @Test func sixteenBitSamplesMatchReference() throws {
        // Samples up to about 32000: a 7-sample column sum exceeds UInt16, so the 32-bit kernel runs.
        let filter = try NonLocalMeans(h: 480, templateSize: 7, searchSize: 9, bitsStored: 16)
        let scaled = Self.noisyPhantom(width: 37, height: 23, seed: 25).pixels.map { $0 * 16 }
        let image = GrayImage(width: 37, height: 23, pixels: scaled)
        let reference = NonLocalMeansReference.denoise(
            image, h: 480, templateSize: 7, searchSize: 9, maximumSample: 65535)
        let single = filter.apply(image, threads: 1)
        #expect(DenoisingTestSupport.maximumDifference(single, reference) <= 1)
        #expect(filter.apply(image, threads: 3) == single)
    }

    @Test func veryLargeStrengthMatchesReference() throws {
        // h = 3000: the weight cutoff lies beyond the saturated 16-bit patch sums, so the 32-bit
        // kernel runs on 12-bit data.
        let filter = try NonLocalMeans(h: 3000, templateSize: 7, searchSize: 7, bitsStored: 12)
        let image = GrayImage.random(width: 23, height: 19, maximumSample: 4095, seed: 27)
        let reference = NonLocalMeansReference.denoise(
            image, h: 3000, templateSize: 7, searchSize: 7, maximumSample: 4095)
        #expect(DenoisingTestSupport.maximumDifference(filter.apply(image, threads: 2), reference) <= 1)
    }

    /// Fuzz reproducer (FuzzSteps): `nlm:h=10,template=3,search=7` on an 11 x 7 ramp. A group of
    /// 7 displacements reads up to 6 columns beyond the tile plus the template half, more than the
    /// search half (3) plus the template half the padded copy had: AddressSanitizer reported a read
    /// before the copy's first row. The read samples were never used, so the output matched; the
    /// fuzz target (the reproducer is among its seeds) is what catches the read itself.
    @Test(arguments: [(3, 7), (1, 3), (3, 9), (5, 11), (1, 1), (3, 13)])
    func narrowSearchWindowsOnATinyImageMatchReference(templateSize: Int, searchSize: Int) throws {
        let pixels = (0..<77).map { UInt16(truncatingIfNeeded: ($0 * 37) % 4096) }
        let image = GrayImage(width: 11, height: 7, pixels: pixels)
        let filter = try NonLocalMeans(h: 10, templateSize: templateSize, searchSize: searchSize, bitsStored: 12)
        let reference = NonLocalMeansReference.denoise(
            image, h: 10, templateSize: templateSize, searchSize: searchSize, maximumSample: 4095)
        let single = filter.apply(image, threads: 1)
        #expect(DenoisingTestSupport.maximumDifference(single, reference) <= 1)
        #expect(filter.apply(image, threads: 2) == single)
    }
}
