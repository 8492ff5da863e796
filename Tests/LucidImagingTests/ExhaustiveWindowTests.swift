import LucidImaging
import Testing

/// One window to check over every sample of several encodings and modality transforms.
struct WindowCase: Sendable, CustomTestStringConvertible {
    let center: Double
    let width: Double
    let function: VOIFunction

    var window: Window { Window(center: center, width: width, function: function) }
    var testDescription: String { "\(function.rawValue) c=\(center) w=\(width)" }

    static let all: [WindowCase] =
        [
            (40, 400), (40.5, 1), (-1023.5, 1), (100, 2), (0.25, 2), (0, 1e9), (-600, 1500),
            (32768, 65536), (1000.25, 3.5), (-30000.75, 12345.5),
        ].map { WindowCase(center: $0.0, width: $0.1, function: .linear) }
        + [(40, 400), (0.5, 0.5), (100, 2), (-600, 1500), (0, 1e9), (1000.25, 3.5), (7, 1e-3)]
        .map { WindowCase(center: $0.0, width: $0.1, function: .linearExact) }
        + [(40, 400), (40.5, 1), (-600, 1500), (0, 1e9), (100, 2), (1000.25, 3.5), (32768, 65536)]
        .map { WindowCase(center: $0.0, width: $0.1, function: .sigmoid) }
}

/// A rescale for the tests: nil slope means the identity transform.
struct RescaleCase: Sendable {
    let slope: Double?
    let intercept: Double

    var transform: ModalityTransform {
        guard let slope else { return .identity }
        return .rescale(slope: slope, intercept: intercept)
    }

    static let all: [RescaleCase] = [
        RescaleCase(slope: nil, intercept: 0), RescaleCase(slope: 1, intercept: -1024),
        RescaleCase(slope: 0.37, intercept: -12.5), RescaleCase(slope: -2, intercept: 100),
    ]
}

let testEncodings: [StoredValueEncoding] = [
    StoredValueEncoding(bitsStored: 16, isSigned: false), StoredValueEncoding(bitsStored: 16, isSigned: true),
    StoredValueEncoding(bitsStored: 12, isSigned: false), StoredValueEncoding(bitsStored: 12, isSigned: true),
]

/// Samples where the table differs from `expected`, with the count of all differences.
func mismatches<Level: FixedWidthInteger>(
    _ levels: [Level], expected: (Int) -> Int
) -> (count: Int, first: [(sample: Int, got: Int, expected: Int)]) {
    var count = 0
    var first: [(sample: Int, got: Int, expected: Int)] = []
    for sample in levels.indices {
        let want = expected(sample)
        if Int(levels[sample]) != want {
            count += 1
            if first.count < 5 { first.append((sample, Int(levels[sample]), want)) }
        }
    }
    return (count, first)
}

@Suite("Window evaluation over every sample")
struct ExhaustiveWindowTests {
    @Test("pipeline table equals the PS3.3 reference for every sample", arguments: WindowCase.all)
    func tableMatchesReference(windowCase: WindowCase) throws {
        for encoding in testEncodings {
            for rescale in RescaleCase.all {
                for invert in [false, true] {
                    let pipeline = DisplayPipeline(
                        encoding: encoding, modality: rescale.transform, voi: .window(windowCase.window),
                        invert: invert)
                    let table8 = try pipeline.displayLookupTable8()
                    let table16 = try pipeline.displayLookupTable16()
                    #expect(table8.levels.count == encoding.maximumSample + 1)
                    #expect(table16.levels.count == encoding.maximumSample + 1)
                    for (levels, ymax) in [(table8.levels.map(Int.init), 255), (table16.levels.map(Int.init), 65535)] {
                        let result = mismatches(levels) { sample in
                            let stored = ReferenceDisplay.storedValue(
                                sample: sample, bitsStored: encoding.bitsStored, signed: encoding.isSigned)
                            let x = ReferenceDisplay.modalityValue(
                                stored: stored, slope: rescale.slope, intercept: rescale.intercept)
                            let level = ReferenceDisplay.windowLevel(
                                x: x, center: windowCase.center, width: windowCase.width,
                                function: windowCase.function, ymax: ymax)
                            return invert ? ymax - level : level
                        }
                        #expect(
                            result.count == 0,
                            "\(encoding) \(rescale) invert=\(invert) ymax=\(ymax): \(result.first)")
                    }
                }
            }
        }
    }

    @Test("8-bit table is within 1 of the reference renderer's normalisation", arguments: WindowCase.all)
    func tableWithinOneOfReferenceRenderer(windowCase: WindowCase) throws {
        for encoding in testEncodings.prefix(2) {
            for rescale in RescaleCase.all {
                let pipeline = DisplayPipeline(
                    encoding: encoding, modality: rescale.transform, voi: .window(windowCase.window), invert: false)
                let levels = try pipeline.displayLookupTable8().levels
                let ends = [encoding.minimumStoredValue, encoding.maximumStoredValue].map {
                    ReferenceDisplay.modalityValue(stored: $0, slope: rescale.slope, intercept: rescale.intercept)
                }
                let lo = ends.min() ?? 0
                let hi = ends.max() ?? 1
                var worst = 0
                for sample in levels.indices {
                    let stored = ReferenceDisplay.storedValue(
                        sample: sample, bitsStored: encoding.bitsStored, signed: encoding.isSigned)
                    let x = ReferenceDisplay.modalityValue(
                        stored: stored, slope: rescale.slope, intercept: rescale.intercept)
                    let expected = ReferenceDisplay.pydicomStyleLevel8(
                        x: x, center: windowCase.center, width: windowCase.width, function: windowCase.function,
                        lo: lo, hi: hi)
                    worst = max(worst, abs(Int(levels[sample]) - expected))
                }
                #expect(worst <= 1, "\(encoding) \(rescale)")
            }
        }
    }
}
