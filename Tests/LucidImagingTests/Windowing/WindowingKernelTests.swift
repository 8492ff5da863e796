import LucidTestSupport
import Testing

@testable import LucidImaging

@Suite("Windowing kernels on odd sizes, strides and thread counts")
struct WindowingKernelTests {
    static let sizes = [(1, 1), (1, 9), (9, 1), (3, 7), (33, 17), (257, 33)]

    static let pipeline = DisplayPipeline(
        encoding: StoredValueEncoding(bitsStored: 12, isSigned: true), modality: .rescale(slope: 1, intercept: -24),
        voi: .window(Window(center: 40, width: 400)), invert: false)

    @Test("ramp and gather kernels equal the table on strided rows", arguments: sizes)
    func kernelsOnStridedRows(width: Int, height: Int) throws {
        let table = try Self.pipeline.displayLookupTable8()
        let ramp = try #require(FixedPointRamp(levels: table.levels))
        let padded = WindowingPlan.paddedLevels(table.levels)
        let source = GrayImage<UInt16>.random(
            width: width, height: height, maximumSample: 4200, seed: UInt64(width * height))
        let plans = [WindowingPlan.ramp(ramp), .table(padded)]
        for plan in plans {
            let result = applyStrided8(source) { input, output in plan.render(input, into: output, threads: 3) }
            #expect(result.image.pixels == source.pixels.map { table[sample: $0] }, "\(plan)")
            #expect(result.paddingIntact, "padding written")
        }
        let public8 = applyStrided8(source) { input, output in
            Windowing.apply(input, table: table, into: output, threads: 2)
        }
        #expect(public8.image.pixels == source.pixels.map { table[sample: $0] })
        #expect(public8.paddingIntact)
    }

    /// Runs an 8-bit windowing of `image` placed inside a larger image (5 extra columns, marker
    /// 0xBEEF, one extra row above and below) into a cropped view of an output 3 columns and 2 rows
    /// larger (filled with 0xA5, which must survive).
    func applyStrided8(
        _ image: GrayImage<UInt16>, _ render: (ImageView<UInt16>, MutableImageView<UInt8>) -> Void
    ) -> (image: GrayImage<UInt8>, paddingIntact: Bool) {
        var larger = GrayImage<UInt16>(width: image.width + 5, height: image.height + 2, repeating: 0xBEEF)
        for y in 0..<image.height {
            for x in 0..<image.width { larger[x + 2, y + 1] = image[x, y] }
        }
        var output = GrayImage<UInt8>(width: image.width + 3, height: image.height + 2, repeating: 0xA5)
        larger.withView { source in
            output.withMutableView { destination in
                render(
                    source.cropped(x: 2, y: 1, width: image.width, height: image.height),
                    destination.cropped(x: 1, y: 1, width: image.width, height: image.height))
            }
        }
        var inside: [UInt8] = []
        var paddingIntact = true
        for y in 0..<output.height {
            for x in 0..<output.width {
                if (1...image.width).contains(x) && (1...image.height).contains(y) {
                    inside.append(output[x, y])
                } else {
                    paddingIntact = paddingIntact && output[x, y] == 0xA5
                }
            }
        }
        return (GrayImage(width: image.width, height: image.height, pixels: inside), paddingIntact)
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
