import LucidImaging
import LucidTestSupport
import Testing

@Suite("Modality range and automatic window")
struct StatisticsTests {
    @Test("negative slope: the minimum modality value comes from the largest sample")
    func negativeSlope() throws {
        let encoding = StoredValueEncoding(bitsStored: 12, isSigned: true)
        // Samples 2048 + stored.
        let image = GrayImage<UInt16>(width: 3, height: 1, pixels: [2048 - 100, 2048, 2048 + 300])
        let range = try #require(
            ModalityRange(image: image, encoding: encoding, modality: .rescale(slope: -2, intercept: 10)))
        #expect(range == ModalityRange(minimum: -590, maximum: 210))
    }

    @Test("modality LUT: the range is over the values present, not the end samples")
    func modalityLUT() throws {
        let encoding = StoredValueEncoding(bitsStored: 8, isSigned: false)
        let lut = LookupTable(firstMappedValue: 0, bitsPerEntry: 16, entries: [500, 9000, 3, 700, 600])
        let image = GrayImage<UInt16>(width: 4, height: 1, pixels: [0, 2, 3, 4])
        let range = try #require(ModalityRange(image: image, encoding: encoding, modality: .lookupTable(lut)))
        #expect(range == ModalityRange(minimum: 3, maximum: 700))
        #expect(range.linearVOI == .linearRange(lower: 3, upper: 700))
    }

    @Test("padding is excluded from the modality range, and all-padding gives nil")
    func paddingExcluded() throws {
        let encoding = StoredValueEncoding(bitsStored: 16, isSigned: true)
        let padding = PixelPadding(value: -2000)
        let pixels = [-2000, -2000, -1000, 50, 400].map { encoding.sample(ofStoredValue: $0) }
        let image = GrayImage<UInt16>(width: 5, height: 1, pixels: pixels)
        let range = try #require(
            ModalityRange(image: image, encoding: encoding, modality: .identity, excluding: padding))
        #expect(range == ModalityRange(minimum: -1000, maximum: 400))
        let allPadding = GrayImage<UInt16>(width: 2, height: 1, repeating: encoding.sample(ofStoredValue: -2000))
        #expect(ModalityRange(image: allPadding, encoding: encoding, modality: .identity, excluding: padding) == nil)
    }

    @Test("padding range runs either way and is clipped to the encoding")
    func paddingRange() {
        let encoding = StoredValueEncoding(bitsStored: 12, isSigned: true)
        #expect(PixelPadding(value: -1000, rangeLimit: -2048).sampleRange(in: encoding) == 0...1048)
        #expect(PixelPadding(value: -2048, rangeLimit: -1000).sampleRange(in: encoding) == 0...1048)
        #expect(PixelPadding(value: -5000, rangeLimit: -3000).sampleRange(in: encoding) == nil)
        #expect(PixelPadding(value: -5000, rangeLimit: -2000).sampleRange(in: encoding) == 0...48)
        let unsigned = StoredValueEncoding(bitsStored: 16, isSigned: false)
        #expect(PixelPadding(value: 0).sampleRange(in: unsigned) == 0...0)
    }

    @Test("automatic window spans p0.5 ... p99.5 of the non-padding values")
    func automaticWindowIgnoresPadding() throws {
        let encoding = StoredValueEncoding(bitsStored: 16, isSigned: true)
        // 1000 object pixels -500 ... 499 (one each), 3000 padding pixels at -3024.
        var stored = Array(-500..<500)
        stored += Array(repeating: -3024, count: 3000)
        var generator = SeededGenerator(seed: 7)
        stored.shuffle(using: &generator)
        let image = GrayImage<UInt16>(
            width: 100, height: 40, pixels: stored.map { encoding.sample(ofStoredValue: $0) })
        let modality = ModalityTransform.rescale(slope: 1, intercept: -24)
        let window = Window.automatic(
            image: image, encoding: encoding, modality: modality, padding: PixelPadding(value: -3024))
        // N = 1000: nearest ranks 5 and 995, stored values -496 and 494, then the intercept -24.
        let low = -496.0 - 24
        let high = 494.0 - 24
        #expect(window.function == .linear)
        #expect(window.explanation == "AUTO p0.5-p99.5")
        #expect(window.width == high - low + 1)
        #expect(window.center == (low + high) / 2 + 0.5)
        #expect(window.outputLevel(forModalityValue: low, maximumLevel: 255) == 0)
        #expect(window.outputFraction(forModalityValue: low + 1) > 0)
        #expect(window.outputLevel(forModalityValue: high, maximumLevel: 255) == 255)
        #expect(window.outputFraction(forModalityValue: high - 1) < 1)

        // Undeclared, the fill is recognised by its shape: an isolated extreme held by 75% of the pixels.
        let undeclared = Window.automatic(image: image, encoding: encoding, modality: modality)
        #expect(undeclared == window)
    }

    /// A CT-like image: `object` values -1000 ... 999 HU, one pixel each, plus `fill` pixels at `fillValue`.
    func ctLike(fill: Int, fillValue: Int, encoding: StoredValueEncoding) -> GrayImage<UInt16> {
        let stored = Array(-1000..<1000) + Array(repeating: fillValue, count: fill)
        return GrayImage<UInt16>(
            width: stored.count, height: 1, pixels: stored.map { encoding.sample(ofStoredValue: $0) })
    }

    @Test("an undeclared out-of-field fill (an isolated extreme of at least 1% of the pixels) is left out")
    func automaticWindowLeavesOutFill() {
        let encoding = StoredValueEncoding(bitsStored: 16, isSigned: true)
        // N = 2000 object pixels: nearest ranks 10 and 1990, values -991 and 989.
        let expected = Window(center: -1 + 0.5, width: 1981, function: .linear, explanation: "AUTO p0.5-p99.5")
        for fillValue in [-3024, -2000, 4000] {
            let image = ctLike(fill: 500, fillValue: fillValue, encoding: encoding)
            #expect(Window.automatic(image: image, encoding: encoding, modality: .identity) == expected, "\(fillValue)")
        }
        // Fewer than 1% of the pixels: an outlier the percentiles handle, not a fill.
        let sparse = ctLike(fill: 15, fillValue: -3024, encoding: encoding)
        let kept = Window.automatic(image: sparse, encoding: encoding, modality: .identity)
        #expect(kept.center - 0.5 - (kept.width - 1) / 2 == -3024)
    }

    @Test("an object's own extreme next to its other values (air, an MR background) stays in")
    func automaticWindowKeepsContiguousExtreme() {
        let encoding = StoredValueEncoding(bitsStored: 16, isSigned: true)
        // 500 pixels of air at -1000 HU beside the object's -999 ... 999.
        let image = ctLike(fill: 500, fillValue: -1000, encoding: encoding)
        let window = Window.automatic(image: image, encoding: encoding, modality: .identity)
        #expect(window.center - 0.5 - (window.width - 1) / 2 == -1000)
    }

    @Test("automatic window with a negative slope orders by modality value")
    func automaticWindowNegativeSlope() {
        let encoding = StoredValueEncoding(bitsStored: 8, isSigned: false)
        let image = GrayImage<UInt16>(width: 200, height: 1, pixels: (0..<200).map { UInt16($0) })
        let window = Window.automatic(image: image, encoding: encoding, modality: .rescale(slope: -1, intercept: 0))
        // Modality values -199 ... 0; ranks 1 and 199 of 200: -199 and -1.
        #expect(window.width == 199)
        #expect(window.center == -100 + 0.5)
    }

    @Test("a constant image gets width 1 with its value at the threshold")
    func automaticWindowConstant() {
        let encoding = StoredValueEncoding(bitsStored: 12, isSigned: false)
        let image = GrayImage<UInt16>(width: 8, height: 8, repeating: 700)
        let window = Window.automatic(image: image, encoding: encoding, modality: .rescale(slope: 2, intercept: 1))
        #expect(window.width == 1)
        #expect(window.center == 1401.5)
        #expect(window.isValid)
        #expect(window.outputLevel(forModalityValue: 1401, maximumLevel: 255) == 0)
    }

    @Test("an all-padding image still gets a window over all pixels")
    func automaticWindowAllPadding() {
        let encoding = StoredValueEncoding(bitsStored: 16, isSigned: false)
        let image = GrayImage<UInt16>(width: 2, height: 2, repeating: 0)
        let window = Window.automatic(
            image: image, encoding: encoding, modality: .identity, padding: PixelPadding(value: 0))
        #expect(window.width == 1)
        #expect(window.center == 0.5)
    }

    @Test("histogram counts every pixel, clamping out-of-range samples")
    func histogramCounts() {
        let encoding = StoredValueEncoding(bitsStored: 4, isSigned: false)
        let image = GrayImage<UInt16>(width: 5, height: 1, pixels: [0, 3, 3, 15, 999])
        let histogram = SampleHistogram(image: image, encoding: encoding)
        #expect(histogram.counts.count == 16)
        #expect(histogram.totalCount == 5)
        #expect(histogram.counts[3] == 2)
        #expect(histogram.counts[15] == 2)
        #expect(histogram.excluding(PixelPadding(value: 3)).totalCount == 3)
        #expect(!histogram.isEmpty)
    }
}
