import Testing

@testable import LucidImaging

@Suite("Fast windowing equals the exact table for every sample")
struct WindowingExhaustiveTests {
    @Test("8-bit: ramp (when found) equals the table for every possible UInt16", arguments: 0..<4)
    func rampEqualsTable(encodingIndex: Int) throws {
        let encoding = testEncodings[encodingIndex]
        var samples = (0...65535).map { UInt16($0) }
        var output = [UInt8](repeating: 0, count: samples.count)
        for invert in [false, true] {
            let pipelines =
                WindowingCases.windowPipelines(encoding: encoding, invert: invert)
                + WindowingCases.otherPipelines(encoding: encoding, invert: invert)
            for pipeline in pipelines {
                let table = try pipeline.displayLookupTable8()
                guard let ramp = FixedPointRamp(levels: table.levels) else { continue }
                samples.withUnsafeMutableBufferPointer { source in
                    output.withUnsafeMutableBufferPointer { destination in
                        guard let input = source.baseAddress, let result = destination.baseAddress else { return }
                        WindowingKernels.rampRows(
                            source: input, sourceStride: 256, destination: result, destinationStride: 256,
                            width: 256, rows: 0..<256, ramp: ramp)
                    }
                }
                // Sample `s` sits at index `s`; beyond the table every sample takes its last level.
                let expected = WindowingPlan.paddedLevels(table.levels)
                #expect(output == expected, "\(pipeline.voi) \(pipeline.modality) invert=\(invert)")
            }
        }
    }

    @Test("Windowing.apply and apply16 equal the tables for every sample", arguments: 0..<4)
    func applyEqualsTable(encodingIndex: Int) throws {
        let encoding = testEncodings[encodingIndex]
        let copies = 4
        let image = WindowingCases.everySample(maximumSample: encoding.maximumSample, copies: copies)
        let threadCounts = [1, 2, 3, 7]
        var index = 0
        for invert in [false, true] {
            let pipelines =
                WindowingCases.windowPipelines(encoding: encoding, invert: invert)
                + WindowingCases.otherPipelines(encoding: encoding, invert: invert)
            for pipeline in pipelines {
                let threads = threadCounts[index % threadCounts.count]
                index += 1
                let table8 = try pipeline.displayLookupTable8()
                let table16 = try pipeline.displayLookupTable16()
                let fast8 = try Windowing.apply(image, pipeline: pipeline, threads: threads)
                let fast16 = try Windowing.apply16(image, pipeline: pipeline, threads: threads)
                // The image is every sample in order, `copies` times: the output must be the table repeated.
                let expected8 = [[UInt8]](repeating: table8.levels, count: copies).flatMap { $0 }
                let expected16 = [[UInt16]](repeating: table16.levels, count: copies).flatMap { $0 }
                #expect(fast8.pixels == expected8, "8-bit \(pipeline.voi) \(pipeline.modality) invert=\(invert)")
                #expect(fast16.pixels == expected16, "16-bit \(pipeline.voi) \(pipeline.modality) invert=\(invert)")
            }
        }
    }

    @Test("clinical LINEAR windows take the fixed-point path")
    func linearWindowsFindARamp() throws {
        let windows: [(Double, Double)] = [(40, 400), (-600, 1500), (40, 80), (300, 2000), (50, 350), (1040, 400)]
        for encoding in testEncodings {
            for (center, width) in windows {
                for invert in [false, true] {
                    let pipeline = DisplayPipeline(
                        encoding: encoding, modality: .rescale(slope: 1, intercept: -1024),
                        voi: .window(Window(center: center, width: width)), invert: invert)
                    let table = try pipeline.displayLookupTable8()
                    #expect(FixedPointRamp(levels: table.levels) != nil, "c=\(center) w=\(width) \(encoding)")
                    let image = GrayImage<UInt16>(
                        width: table.levels.count, height: 4, pixels: Array(repeating: 0, count: table.levels.count * 4)
                    )
                    if case .table = WindowingPlan(table: table, pixelCount: image.pixels.count) {
                        Issue.record("expected the ramp plan for c=\(center) w=\(width)")
                    }
                }
            }
        }
    }

    @Test("SIGMOID and non-monotone tables fall back to the lookup")
    func nonLinearTablesHaveNoRamp() throws {
        let sigmoid = DisplayPipeline(
            encoding: StoredValueEncoding(bitsStored: 12, isSigned: false), modality: .identity,
            voi: .window(Window(center: 2048, width: 1000, function: .sigmoid)), invert: false)
        #expect(FixedPointRamp(levels: try sigmoid.displayLookupTable8().levels) == nil)
        #expect(FixedPointRamp(levels: [0, 5, 3, 9]) == nil)
        #expect(FixedPointRamp(levels: [7]) != nil)
        #expect(FixedPointRamp(levels: [200, 200, 200]) != nil)
    }
}
