import LucidTestSupport
import Testing

@testable import LucidImaging

@Suite("Windowing kernels on odd sizes, strides and thread counts")
struct WindowingKernelTests {
    static let sizes = [(1, 1), (1, 9), (9, 1), (3, 7), (33, 17), (257, 33)]

    static let pipeline = DisplayPipeline(
        encoding: StoredValueEncoding(bitsStored: 12, isSigned: true), modality: .rescale(slope: 1, intercept: -24),
        voi: .window(Window(center: 40, width: 400)), invert: false)

    /// A strided buffer: `width + padding` samples per row, random 12-bit values with some
    /// out-of-range samples, padding filled with a marker.
    static func stridedSamples(width: Int, height: Int, padding: Int, seed: UInt64) -> [UInt16] {
        var generator = SeededGenerator(seed: seed)
        let stride = width + padding
        return (0..<(stride * height)).map { index in
            if index % stride >= width { return 0xBEEF }
            return UInt16.random(in: 0...4200, using: &generator)
        }
    }

    @Test("ramp and gather kernels equal the table on strided rows", arguments: sizes)
    func kernelsOnStridedRows(width: Int, height: Int) throws {
        let table = try Self.pipeline.displayLookupTable8()
        let ramp = try #require(FixedPointRamp(levels: table.levels))
        let padded = WindowingPlan.paddedLevels(table.levels)
        let padding = 5
        let source = Self.stridedSamples(width: width, height: height, padding: padding, seed: UInt64(width * height))
        let outputStride = width + 3
        for useRamp in [true, false] {
            var output = [UInt8](repeating: 0xA5, count: outputStride * height)
            source.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { result in
                    padded.withUnsafeBufferPointer { levels in
                        guard let base = input.baseAddress, let target = result.baseAddress,
                            let lookup = levels.baseAddress
                        else { return }
                        if useRamp {
                            WindowingKernels.rampRows(
                                source: base, sourceStride: width + padding, destination: target,
                                destinationStride: outputStride, width: width, rows: 0..<height, ramp: ramp)
                        } else {
                            WindowingKernels.gatherRows(
                                source: base, sourceStride: width + padding, destination: target,
                                destinationStride: outputStride, width: width, rows: 0..<height, table: lookup)
                        }
                    }
                }
            }
            for y in 0..<height {
                for x in 0..<outputStride {
                    let got = output[y * outputStride + x]
                    if x < width {
                        #expect(got == table[sample: source[y * (width + padding) + x]], "x=\(x) y=\(y)")
                    } else {
                        #expect(got == 0xA5, "padding written at x=\(x) y=\(y)")
                    }
                }
            }
        }
    }

    @Test("results do not depend on the thread count", arguments: sizes)
    func threadCountInvariance(width: Int, height: Int) throws {
        let image = GrayImage<UInt16>.random(width: width, height: height, maximumSample: 4095, seed: 99)
        let table8 = try Self.pipeline.displayLookupTable8()
        let expected8 = image.pixels.map { table8[sample: $0] }
        var sigmoid = Self.pipeline
        sigmoid.voi = .window(Window(center: 40, width: 400, function: .sigmoid))
        sigmoid.invert = true
        let table16 = try sigmoid.displayLookupTable16()
        let expected16 = image.pixels.map { table16[sample: $0] }
        for threads in [1, 2, 3, 7] {
            #expect(try Windowing.apply(image, pipeline: Self.pipeline, threads: threads).pixels == expected8)
            #expect(Windowing.apply(image, table: table8, threads: threads).pixels == expected8)
            #expect(try Windowing.apply16(image, pipeline: sigmoid, threads: threads).pixels == expected16)
        }
        #expect(try Self.pipeline.render(image).pixels == expected8)
        #expect(try sigmoid.render16(image).pixels == expected16)
        #expect(table8.apply(to: image).pixels == expected8)
        #expect(table16.apply(to: image).pixels == expected16)
    }

    @Test("an invalid pipeline throws before rendering")
    func invalidPipelineThrows() {
        var pipeline = Self.pipeline
        pipeline.voi = .window(Window(center: 0, width: 0.5))
        let image = GrayImage<UInt16>(width: 2, height: 2, repeating: 7)
        #expect(throws: DisplayPipelineError.invalidWindow(Window(center: 0, width: 0.5))) {
            try Windowing.apply(image, pipeline: pipeline)
        }
        #expect(throws: DisplayPipelineError.invalidWindow(Window(center: 0, width: 0.5))) {
            try Windowing.apply16(image, pipeline: pipeline)
        }
    }
}
