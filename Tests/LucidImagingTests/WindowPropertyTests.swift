import LucidImaging
import Testing

@Suite("Window properties")
struct WindowPropertyTests {
    /// DICOM-DISPLAY.md: c = 2^(n-1), w = 2^n, LINEAR is the identity for n-bit unsigned data. Precisely:
    /// the ramp gives fraction s / (2^n - 1), so the level is round-half-up(s * ymax / (2^n - 1)); for
    /// n = 16 with 16-bit output (and n = 8 with 8-bit output) that is the sample itself.
    @Test("c = 2^(n-1), w = 2^n maps n-bit unsigned samples linearly onto the output", arguments: 1...16)
    func fullRangeWindowIsLinear(bitsStored: Int) throws {
        let encoding = StoredValueEncoding(bitsStored: bitsStored, isSigned: false)
        let window = Window(center: Double(1 << (bitsStored - 1)), width: Double(1 << bitsStored))
        let pipeline = DisplayPipeline(encoding: encoding, modality: .identity, voi: .window(window), invert: false)
        let largest = encoding.maximumSample
        for (levels, ymax) in [
            (try pipeline.displayLookupTable8().levels.map(Int.init), 255),
            (try pipeline.displayLookupTable16().levels.map(Int.init), 65535),
        ] {
            // Integer round-half-up of s * ymax / largest; ties cannot occur because largest is odd.
            let result = mismatches(levels) { sample in (2 * sample * ymax + largest) / (2 * largest) }
            #expect(result.count == 0, "n=\(bitsStored) ymax=\(ymax): \(result.first)")
        }
    }

    @Test("16-bit unsigned data through c = 32768, w = 65536 to 16-bit output is the identity")
    func sixteenBitIdentity() throws {
        let pipeline = DisplayPipeline(
            encoding: StoredValueEncoding(bitsStored: 16, isSigned: false), modality: .identity,
            voi: .window(Window(center: 32768, width: 65536)), invert: false)
        let levels = try pipeline.displayLookupTable16().levels
        #expect(levels == (0...65535).map { UInt16($0) })
    }

    @Test("LINEAR width 1 is a threshold at c - 0.5")
    func linearWidthOneThreshold() {
        let window = Window(center: 100, width: 1)
        #expect(window.outputLevel(forModalityValue: 99, maximumLevel: 255) == 0)
        #expect(window.outputLevel(forModalityValue: 99.5, maximumLevel: 255) == 0)
        #expect(window.outputLevel(forModalityValue: 99.5001, maximumLevel: 255) == 255)
        #expect(window.outputLevel(forModalityValue: 100, maximumLevel: 255) == 255)
    }

    @Test("LINEAR width 2 gives minimum, middle, maximum")
    func linearWidthTwo() {
        // Ramp from c - 1 (exclusive) to c (inclusive): fraction (x - (c - 0.5)) / 1 + 0.5.
        let window = Window(center: 10, width: 2)
        #expect(window.outputLevel(forModalityValue: 9, maximumLevel: 255) == 0)
        #expect(window.outputFraction(forModalityValue: 9.5) == 0.5)
        #expect(window.outputLevel(forModalityValue: 9.5, maximumLevel: 255) == 128)
        #expect(window.outputLevel(forModalityValue: 10, maximumLevel: 255) == 255)
    }

    @Test("LINEAR_EXACT spans exactly c - w/2 ... c + w/2")
    func linearExactEnds() {
        let window = Window(center: 0, width: 100, function: .linearExact)
        #expect(window.outputFraction(forModalityValue: -50) == 0)
        #expect(window.outputFraction(forModalityValue: 0) == 0.5)
        #expect(window.outputFraction(forModalityValue: 50) == 1)
        #expect(window.outputFraction(forModalityValue: 25) == 0.75)
    }

    @Test("SIGMOID is symmetric around its center", arguments: [(0.0, 1.0), (40, 400), (-600, 1500), (1000.25, 3.5)])
    func sigmoidSymmetry(center: Double, width: Double) {
        let window = Window(center: center, width: width, function: .sigmoid)
        #expect(window.outputFraction(forModalityValue: center) == 0.5)
        #expect(window.outputLevel(forModalityValue: center, maximumLevel: 255) == 128)
        #expect(window.outputLevel(forModalityValue: center, maximumLevel: 65535) == 32768)
        for step in stride(from: 0.0, through: 4 * width, by: width / 64) {
            let above = window.outputFraction(forModalityValue: center + step)
            let below = window.outputFraction(forModalityValue: center - step)
            #expect(abs(above + below - 1) < 1e-12)
            #expect(above >= below)
            for ymax in [255, 65535] {
                // Round half up breaks exact symmetry only at a tie, by one level.
                let sum =
                    window.outputLevel(forModalityValue: center + step, maximumLevel: ymax)
                    + window.outputLevel(forModalityValue: center - step, maximumLevel: ymax)
                #expect(sum == ymax || sum == ymax + 1)
            }
        }
    }

    @Test("SIGMOID is monotonic and reaches both ends")
    func sigmoidEnds() {
        let window = Window(center: 40, width: 80, function: .sigmoid)
        #expect(window.outputLevel(forModalityValue: -10_000, maximumLevel: 255) == 0)
        #expect(window.outputLevel(forModalityValue: 10_000, maximumLevel: 255) == 255)
        var previous = 0.0
        for x in stride(from: -200.0, through: 300, by: 0.5) {
            let fraction = window.outputFraction(forModalityValue: x)
            #expect(fraction >= previous)
            previous = fraction
        }
    }

    @Test("quantisation rounds half up and clamps")
    func quantisation() {
        #expect(OutputQuantisation.level(ofOutputValue: 127.5, maximumLevel: 255) == 128)
        #expect(OutputQuantisation.level(ofOutputValue: 127.4999, maximumLevel: 255) == 127)
        #expect(OutputQuantisation.level(ofOutputValue: -0.5, maximumLevel: 255) == 0)
        #expect(OutputQuantisation.level(ofOutputValue: -3, maximumLevel: 255) == 0)
        #expect(OutputQuantisation.level(ofOutputValue: 254.5, maximumLevel: 255) == 255)
        #expect(OutputQuantisation.level(ofOutputValue: 1e300, maximumLevel: 255) == 255)
        #expect(OutputQuantisation.level(ofOutputValue: .nan, maximumLevel: 255) == 0)
        #expect(OutputQuantisation.level(ofFraction: 0.5, maximumLevel: 65535) == 32768)
    }

    @Test("invalid windows are rejected, not clamped")
    func invalidWindowsThrow() {
        let encoding = StoredValueEncoding(bitsStored: 12, isSigned: false)
        for window in [
            Window(center: 0, width: 0.5), Window(center: 0, width: 0, function: .linearExact),
            Window(center: 0, width: -1, function: .sigmoid), Window(center: .nan, width: 100),
            Window(center: 0, width: .infinity),
        ] {
            let pipeline = DisplayPipeline(encoding: encoding, modality: .identity, voi: .window(window), invert: false)
            let error = #expect(throws: DisplayPipelineError.self) { try pipeline.displayLookupTable8() }
            guard case .invalidWindow(let rejected)? = error else {
                Issue.record("expected invalidWindow, got \(String(describing: error))")
                continue
            }
            #expect(rejected.width == window.width || rejected.width.isNaN || rejected.center.isNaN)
        }
        let nanRescale = DisplayPipeline(
            encoding: encoding, modality: .rescale(slope: .nan, intercept: 0),
            voi: .window(Window(center: 0, width: 10)), invert: false)
        let error = #expect(throws: DisplayPipelineError.self) {
            try nanRescale.render(GrayImage(width: 1, height: 1, repeating: 0))
        }
        guard case .nonFiniteRescale? = error else {
            Issue.record("expected nonFiniteRescale, got \(String(describing: error))")
            return
        }
    }

    @Test("evaluation of invalid windows stays within the output range")
    func invalidWindowsAreTotal() {
        for window in [
            Window(center: 0, width: 0, function: .sigmoid), Window(center: 0, width: .nan),
            Window(center: 0, width: -5, function: .linearExact), Window(center: 0, width: 0.25),
        ] {
            for x in [-1.0, 0, 1, .nan, .infinity, -.infinity] {
                let fraction = window.outputFraction(forModalityValue: x)
                #expect((0...1).contains(fraction))
                #expect((0...255).contains(window.outputLevel(forModalityValue: x, maximumLevel: 255)))
            }
        }
    }
}
