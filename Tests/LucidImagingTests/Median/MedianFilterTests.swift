import LucidImaging
import LucidTestSupport
import Testing

@Suite("Median filter")
struct MedianFilterTests {
    @Test("equals the sort-based reference on odd sizes, strides and thread counts", arguments: [3, 5, 7, 9, 15])
    func matchesReference(size: Int) throws {
        let median = try MedianFilter(size: size, bitsStored: 12)
        for (index, imageSize) in smoothingTestSizes.enumerated() {
            let image = GrayImage<UInt16>.random(
                width: imageSize.width, height: imageSize.height, maximumSample: 4095, seed: UInt64(500 + index))
            let expected = MedianReference.filter(image, size: size)
            for threads in smoothingThreadCounts {
                #expect(median.apply(image, threads: threads) == expected, "\(imageSize) threads \(threads)")
            }
            let strided = applyStrided(image) { source, destination in
                median.apply(source, into: destination, threads: 2)
            }
            #expect(strided == expected, "\(imageSize) strided")
        }
    }

    @Test(
        "equals the reference across column chunks and with odd row counts per strip",
        arguments: [3, 5, 7])
    func matchesReferenceAcrossChunks(size: Int) throws {
        let median = try MedianFilter(size: size, bitsStored: 12)
        // Widths around the 512- and 1024-column chunks of the 3x3 and 5x5 kernels.
        for (index, width) in [511, 512, 513, 1025, 1030, 1543].enumerated() {
            let image = GrayImage<UInt16>.random(
                width: width, height: 7, maximumSample: 4095, seed: UInt64(700 + index))
            let expected = MedianReference.filter(image, size: size)
            for threads in [1, 2, 3] {
                #expect(median.apply(image, threads: threads) == expected, "width \(width) threads \(threads)")
            }
        }
    }

    @Test("16-bit samples with bitsStored 16, and few distinct values (many ties)", arguments: [3, 5, 7, 11])
    func sixteenBitAndTies(size: Int) throws {
        let wide = GrayImage<UInt16>.random(width: 45, height: 21, maximumSample: 65535, seed: 11)
        #expect(try MedianFilter(size: size).apply(wide, threads: 3) == MedianReference.filter(wide, size: size))
        let ties = GrayImage<UInt16>.random(width: 38, height: 27, maximumSample: 3, seed: 12)
        #expect(
            try MedianFilter(size: size, bitsStored: 2).apply(ties, threads: 2)
                == MedianReference.filter(ties, size: size))
    }

    @Test("removes isolated salt-and-pepper noise", arguments: [3, 5, 7, 9])
    func removesSaltAndPepper(size: Int) throws {
        let clean = GrayImage<UInt16>(width: 40, height: 30, repeating: 1000)
        var noisy = clean
        var generator = SeededGenerator(seed: 21)
        for y in stride(from: 0, to: 30, by: 3) {
            for x in stride(from: Int.random(in: 0...2, using: &generator), to: 40, by: 4) {
                noisy[x, y] = Bool.random(using: &generator) ? 0 : 4095
            }
        }
        #expect(noisy != clean)
        #expect(try MedianFilter(size: size, bitsStored: 12).apply(noisy, threads: 2) == clean)
    }

    @Test("a constant image is unchanged", arguments: [1, 3, 5, 7, 31])
    func constantUnchanged(size: Int) throws {
        for value: UInt16 in [0, 4095, 65535] {
            let image = GrayImage<UInt16>(width: 37, height: 11, repeating: value)
            #expect(try MedianFilter(size: size).apply(image, threads: 2) == image)
        }
    }

    @Test("size 1 copies the image")
    func sizeOneCopies() throws {
        let image = GrayImage<UInt16>.random(width: 13, height: 7, maximumSample: 65535, seed: 5)
        #expect(try MedianFilter(size: 1).apply(image) == image)
    }

    @Test("identical to OpenCV medianBlur on the committed fixture", arguments: [3, 5])
    func matchesOpenCV(size: Int) throws {
        let input = try #require(SmoothingFixtures.image("smoothing_input_61x47.u16"))
        let expected = try #require(SmoothingFixtures.image("median_\(size)_61x47.u16"))
        #expect(try MedianFilter(size: size, bitsStored: 12).apply(input, threads: 3) == expected)
    }

    @Test("rejects even, too small or too large sizes and bad bit depths")
    func rejectsBadParameters() {
        for size in [0, 2, 4, -3, 257] {
            #expect(throws: ImageOperationError.self) { try MedianFilter(size: size) }
        }
        #expect(throws: ImageOperationError.self) { try MedianFilter(size: 3, bitsStored: 0) }
        #expect(throws: ImageOperationError.self) { try MedianFilter(size: 3, bitsStored: 17) }
    }
}
