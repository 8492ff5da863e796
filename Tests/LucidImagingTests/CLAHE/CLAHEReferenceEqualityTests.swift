import Testing

@testable import LucidImaging

/// The fast CLAHE against the plain reference: bit-identical on every size, stride and thread count.
@Suite struct CLAHEReferenceEqualityTests {
    static let sizes: [(width: Int, height: Int)] = [
        (1, 1), (1, 17), (17, 1), (3, 7), (7, 3), (8, 8), (16, 24), (33, 17), (64, 48), (257, 33), (61, 47),
    ]

    @Test(arguments: [(2.0, 8, 8, 12), (0.0, 8, 8, 12), (40.0, 3, 5, 12), (1.0, 1, 1, 12), (4.0, 7, 2, 8)])
    func matchesReferenceOnOddSizes(clipLimit: Double, tilesX: Int, tilesY: Int, bitsStored: Int) throws {
        let clahe = try CLAHE(clipLimit: clipLimit, tilesX: tilesX, tilesY: tilesY, bitsStored: bitsStored)
        let maximumSample = (1 << bitsStored) - 1
        for (index, size) in Self.sizes.enumerated() {
            for image in [
                GrayImage.random(width: size.width, height: size.height, maximumSample: maximumSample, seed: 11),
                GrayImage.structured(
                    width: size.width, height: size.height, maximumSample: maximumSample, seed: UInt64(index)),
            ] {
                let expected = CLAHEReference.apply(
                    image, clipLimit: clipLimit, tilesX: tilesX, tilesY: tilesY, bitsStored: bitsStored)
                #expect(clahe.apply(image, threads: 1) == expected, "size \(size.width)x\(size.height)")
            }
        }
    }

    @Test(arguments: [1, 6, 16])
    func matchesReferenceForOtherBitDepths(bitsStored: Int) throws {
        let clahe = try CLAHE(clipLimit: 3.0, tilesX: 4, tilesY: 3, bitsStored: bitsStored)
        let maximumSample = (1 << bitsStored) - 1
        let image = GrayImage.structured(width: 45, height: 31, maximumSample: maximumSample, seed: 5)
        let expected = CLAHEReference.apply(image, clipLimit: 3.0, tilesX: 4, tilesY: 3, bitsStored: bitsStored)
        #expect(clahe.apply(image) == expected)
    }

    @Test func samplesAboveBitsStoredCountAsTheMaximum() throws {
        let clahe = try CLAHE(clipLimit: 2.0, tilesX: 2, tilesY: 2, bitsStored: 10)
        let image = GrayImage.random(width: 23, height: 19, maximumSample: 4095, seed: 3)
        let expected = CLAHEReference.apply(image, clipLimit: 2.0, tilesX: 2, tilesY: 2, bitsStored: 10)
        let output = clahe.apply(image)
        #expect(output == expected)
        #expect(output.pixels.allSatisfy { $0 <= 1023 })
    }

    @Test func oddStridesGiveTheSameRows() throws {
        let clahe = try CLAHE(clipLimit: 2.0, tilesX: 5, tilesY: 3, bitsStored: 12)
        for size in [(1, 1), (3, 7), (33, 17), (257, 33)] {
            let image = GrayImage.structured(width: size.0, height: size.1, maximumSample: 4095, seed: 9)
            let expected = CLAHEReference.apply(image, clipLimit: 2.0, tilesX: 5, tilesY: 3, bitsStored: 12)
            let strided = DenoisingTestSupport.applyStrided(image, sourcePadding: 5, destinationPadding: 3, threads: 3)
            {
                source, destination in
                clahe.apply(source, into: destination, threads: 3)
            }
            #expect(strided.image == expected)
            #expect(strided.paddingIntact, "the kernel wrote beyond the rows")
        }
    }

    @Test func threadCountDoesNotChangeTheResult() throws {
        let clahe = try CLAHE(clipLimit: 2.5, tilesX: 8, tilesY: 8, bitsStored: 12)
        for size in [(257, 33), (33, 257), (200, 150)] {
            let image = GrayImage.structured(width: size.0, height: size.1, maximumSample: 4095, seed: 21)
            let single = clahe.apply(image, threads: 1)
            #expect(single == CLAHEReference.apply(image, clipLimit: 2.5, tilesX: 8, tilesY: 8, bitsStored: 12))
            for threads in [2, 3, 7] {
                #expect(clahe.apply(image, threads: threads) == single, "\(threads) threads")
            }
        }
    }
}
