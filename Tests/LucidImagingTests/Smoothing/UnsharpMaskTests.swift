import LucidImaging
import LucidTestSupport
import Testing

@Suite("Unsharp mask")
struct UnsharpMaskTests {
    /// `round(clamp(x + amount (x - blur), 0, maximum))` from the `Double` reference blur.
    static func reference(_ image: GrayImage<UInt16>, sigma: Double, amount: Double, bitsStored: Int) -> [Double] {
        let blurred = GaussianReference.blur(image, sigma: sigma)
        let maximum = Double((1 << bitsStored) - 1)
        return zip(image.pixels, blurred).map { sample, blur in
            min(max(Double(sample) + amount * (Double(sample) - blur), 0), maximum)
        }
    }

    @Test(
        "matches the Double reference within rounding, on odd sizes and thread counts",
        arguments: [0.5, 1.0, 3.0])
    func matchesReference(amount: Double) throws {
        let sharpen = try UnsharpMask(sigma: 2, amount: amount, bitsStored: 12)
        for (index, size) in smoothingTestSizes.enumerated() {
            let image = GrayImage<UInt16>.random(
                width: size.width, height: size.height, maximumSample: 4095, seed: UInt64(300 + index))
            let reference = Self.reference(image, sigma: 2, amount: amount, bitsStored: 12)
            let single = sharpen.apply(image, threads: 1)
            let worst = zip(single.pixels, reference).map { abs(Double($0) - $1) }.max() ?? 0
            // The detail term multiplies the blur's Float error by `amount`.
            #expect(worst <= 0.5 + 0.01 * (1 + amount), "\(size) amount \(amount): worst \(worst)")
            #expect(single.pixels.allSatisfy { $0 <= 4095 })
            for threads in smoothingThreadCounts {
                #expect(sharpen.apply(image, threads: threads) == single, "\(size) threads \(threads)")
            }
            let strided = applyStrided(image) { source, destination in
                sharpen.apply(source, into: destination, threads: 2)
            }
            #expect(strided == single, "\(size) strided")
        }
    }

    @Test("amount 0 and constant images return the input")
    func identities() throws {
        let image = GrayImage<UInt16>.random(width: 23, height: 17, maximumSample: 4095, seed: 9)
        #expect(try UnsharpMask(sigma: 1.5, amount: 0, bitsStored: 12).apply(image) == image)
        let constant = GrayImage<UInt16>(width: 23, height: 17, repeating: 1234)
        #expect(try UnsharpMask(sigma: 1.5, amount: 2, bitsStored: 12).apply(constant) == constant)
    }

    @Test("clamps to the stored bit depth")
    func clampsToBitsStored() throws {
        var pixels = [UInt16](repeating: 0, count: 9 * 9)
        pixels[4 * 9 + 4] = 255
        let image = GrayImage(width: 9, height: 9, pixels: pixels)
        let result = try UnsharpMask(sigma: 1, amount: 5, bitsStored: 8).apply(image)
        #expect(result[4, 4] == 255)
        #expect(result.pixels.allSatisfy { $0 <= 255 })
    }

    @Test("rejects bad parameters")
    func rejectsBadParameters() {
        #expect(throws: ImageOperationError.self) { try UnsharpMask(sigma: 0, amount: 1) }
        #expect(throws: ImageOperationError.self) { try UnsharpMask(sigma: 2, amount: -0.1) }
        #expect(throws: ImageOperationError.self) { try UnsharpMask(sigma: 2, amount: .nan) }
        #expect(throws: ImageOperationError.self) { try UnsharpMask(sigma: 2, amount: 1, bitsStored: 17) }
        #expect(throws: ImageOperationError.self) { try UnsharpMask(sigma: 2, amount: 1, bitsStored: 0) }
    }
}
