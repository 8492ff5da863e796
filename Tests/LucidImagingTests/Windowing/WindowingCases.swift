@testable import LucidImaging

/// Pipelines covering every VOI kind and Modality LUT kind, for the exhaustive windowing tests.
enum WindowingCases {
    /// Every window of ``WindowCase/all`` under every rescale of ``RescaleCase/all``.
    static func windowPipelines(encoding: StoredValueEncoding, invert: Bool) -> [DisplayPipeline] {
        WindowCase.all.flatMap { windowCase in
            RescaleCase.all.map { rescale in
                DisplayPipeline(
                    encoding: encoding, modality: rescale.transform, voi: .window(windowCase.window), invert: invert)
            }
        }
    }

    /// VOI LUT tables, linear ranges and a Modality LUT, each with and without a rescale.
    static func otherPipelines(encoding: StoredValueEncoding, invert: Bool) -> [DisplayPipeline] {
        let linearLUT = LookupTable(
            firstMappedValue: -1024, bitsPerEntry: 12, entries: (0..<4096).map { UInt16($0) })
        let steppedLUT = LookupTable(
            firstMappedValue: 100, bitsPerEntry: 16, entries: (0..<3000).map { UInt16(($0 * $0) % 65536) })
        let understatedLUT = LookupTable(
            firstMappedValue: -5, bitsPerEntry: 8, entries: (0..<600).map { UInt16($0) })
        let modalityLUT = LookupTable(
            firstMappedValue: 0, bitsPerEntry: 16, entries: (0..<4096).map { UInt16(min(65535, $0 * 9 + 17)) })
        let vois: [VOITransform] = [
            .lookupTable(linearLUT), .lookupTable(steppedLUT), .lookupTable(understatedLUT),
            .linearRange(lower: -1024, upper: 3071), .linearRange(lower: 0.5, upper: 0.5),
            .linearRange(lower: -30000.25, upper: 40000.75), .linearRange(lower: 17, upper: 18),
        ]
        let modalities: [ModalityTransform] = [
            .identity, .rescale(slope: 1, intercept: -1024), .rescale(slope: -0.75, intercept: 12.25),
            .lookupTable(modalityLUT),
        ]
        return vois.flatMap { voi in
            modalities.map { modality in
                DisplayPipeline(encoding: encoding, modality: modality, voi: voi, invert: invert)
            }
        }
    }

    /// Every pipeline of both lists for every test encoding and both inversions.
    static let all: [DisplayPipeline] = testEncodings.flatMap { encoding in
        [false, true].flatMap { invert in
            windowPipelines(encoding: encoding, invert: invert) + otherPipelines(encoding: encoding, invert: invert)
        }
    }

    /// An image holding every sample `0 ... maximumSample` in order, `copies` times over, so that
    /// the fast path (which looks for a ramp only on images of at least four pixels per table entry)
    /// is taken and the expected output is the table itself, repeated.
    static func everySample(maximumSample: Int, copies: Int) -> GrayImage<UInt16> {
        let once = (0...maximumSample).map { UInt16($0) }
        let pixels = [[UInt16]](repeating: once, count: copies).flatMap { $0 }
        let width = maximumSample + 1 >= 512 ? 512 : maximumSample + 1
        return GrayImage(width: width, height: pixels.count / width, pixels: pixels)
    }
}
