import LucidImaging
import LucidTestSupport
import Testing

@Suite("Gaussian blur")
struct GaussianBlurTests {
    /// The documented bound for 12-bit data: the `Float` value is within 0.01 of the exact one, so
    /// every output is within 0.51 of the exact real-arithmetic blur.
    static let tolerance = 0.51

    @Test(
        "matches the Double reference within rounding on odd sizes, sigmas and thread counts",
        arguments: [0.8, 1.5, 2.0])
    func matchesReference(sigma: Double) throws {
        let blur = try GaussianBlur(sigma: sigma)
        for (index, size) in smoothingTestSizes.enumerated() {
            let image = GrayImage<UInt16>.random(
                width: size.width, height: size.height, maximumSample: 4095, seed: UInt64(100 + index))
            let reference = GaussianReference.blur(image, sigma: sigma)
            let single = blur.apply(image, threads: 1)
            let worst = zip(single.pixels, reference).map { abs(Double($0) - $1) }.max() ?? 0
            #expect(worst <= Self.tolerance, "\(size) sigma \(sigma): worst \(worst)")
            for threads in smoothingThreadCounts {
                #expect(blur.apply(image, threads: threads) == single, "\(size) threads \(threads)")
            }
            let strided = applyStrided(image) { source, destination in
                blur.apply(source, into: destination, threads: 3)
            }
            #expect(strided == single, "\(size) strided")
        }
    }

    @Test("16-bit data: full-range samples stay within the documented bound")
    func sixteenBit() throws {
        let image = GrayImage<UInt16>.random(width: 40, height: 31, maximumSample: 65535, seed: 7)
        let reference = GaussianReference.blur(image, sigma: 2)
        let result = try GaussianBlur(sigma: 2).apply(image, threads: 2)
        let worst = zip(result.pixels, reference).map { abs(Double($0) - $1) }.max() ?? 0
        #expect(worst <= 0.55)
    }

    @Test("a constant image is unchanged, whatever sigma", arguments: [0.01, 1.5, 7.0, 100.0])
    func constantUnchanged(sigma: Double) throws {
        for value: UInt16 in [0, 1, 2048, 4095, 65535] {
            let image = GrayImage<UInt16>(width: 29, height: 13, repeating: value)
            #expect(try GaussianBlur(sigma: sigma).apply(image, threads: 2) == image)
        }
    }

    @Test("a tiny sigma has radius 0 and copies the image")
    func tinySigmaCopies() throws {
        let blur = try GaussianBlur(sigma: 0.05)
        #expect(blur.radius == 0)
        let image = GrayImage<UInt16>.random(width: 19, height: 5, maximumSample: 4095, seed: 3)
        #expect(blur.apply(image) == image)
    }

    @Test("kernel radius follows OpenCV's 16-bit rule round(8 sigma + 1) | 1")
    func radiusRule() throws {
        #expect(try GaussianBlur(sigma: 1.5).radius == 6)
        #expect(try GaussianBlur(sigma: 2.0).radius == 8)
        #expect(try GaussianBlur(sigma: 100).radius == 400)
    }

    @Test("within one grey level of OpenCV GaussianBlur on the committed fixture", arguments: ["1.5", "2.0"])
    func matchesOpenCV(sigma: String) throws {
        let input = try #require(SmoothingFixtures.image("smoothing_input_61x47.u16"))
        let expected = try #require(SmoothingFixtures.image("gaussian_sigma\(sigma)_61x47.u16"))
        let result = try GaussianBlur(sigma: try #require(Double(sigma))).apply(input, threads: 3)
        #expect(maximumDifference(result, expected) <= 1)
    }

    @Test("rejects sigma outside 0 < sigma <= 100")
    func rejectsBadSigma() {
        for sigma in [0, -1, 100.5, .nan, .infinity] {
            #expect(throws: ImageOperationError.self) { try GaussianBlur(sigma: sigma) }
        }
    }
}
