import LucidImaging
import Testing

@Suite("Rendering images")
struct RenderTests {
    @Test("inversion is applied exactly once, after quantisation", arguments: [false, true])
    func inversionAppliedOnce(signed: Bool) throws {
        let encoding = StoredValueEncoding(bitsStored: 16, isSigned: signed)
        for voi in [
            VOITransform.window(Window(center: 40.5, width: 401)),
            .window(Window(center: 0, width: 999, function: .sigmoid)),
            .linearRange(lower: -1000, upper: 2000),
        ] {
            let plain = DisplayPipeline(
                encoding: encoding, modality: .rescale(slope: 1, intercept: -1024), voi: voi, invert: false)
            var inverted = plain
            inverted.invert = true
            let plain8 = try plain.displayLookupTable8().levels
            let inverted8 = try inverted.displayLookupTable8().levels
            let plain16 = try plain.displayLookupTable16().levels
            let inverted16 = try inverted.displayLookupTable16().levels
            #expect(zip(plain8, inverted8).allSatisfy { $0 + $1 == 255 })
            #expect(zip(plain16, inverted16).allSatisfy { Int($0) + Int($1) == 65535 })
            // Inverted, the lowest modality value is the brightest (MONOCHROME1).
            #expect(inverted8[0] > inverted8[inverted8.count - 1])
        }
    }

    @Test("render and render16 equal the table applied per pixel", arguments: [1, 2, 3] as [UInt64])
    func renderMatchesTable(seed: UInt64) throws {
        let encoding = StoredValueEncoding(bitsStored: 12, isSigned: seed % 2 == 0)
        let image = GrayImage<UInt16>.random(width: 67, height: 45, maximumSample: 4095, seed: seed)
        let pipeline = DisplayPipeline(
            encoding: encoding, modality: .rescale(slope: 1, intercept: -1024),
            voi: .window(Window(center: -600, width: 1500)), invert: seed == 3)
        let rendered = try pipeline.render(image)
        let rendered16 = try pipeline.render16(image)
        #expect(rendered.width == 67 && rendered.height == 45)
        for index in image.pixels.indices {
            let sample = image.pixels[index]
            let stored = ReferenceDisplay.storedValue(sample: Int(sample), bitsStored: 12, signed: encoding.isSigned)
            let level8 = ReferenceDisplay.windowLevel(
                x: Double(stored) - 1024, center: -600, width: 1500, function: .linear, ymax: 255)
            let level16 = ReferenceDisplay.windowLevel(
                x: Double(stored) - 1024, center: -600, width: 1500, function: .linear, ymax: 65535)
            #expect(Int(rendered.pixels[index]) == (pipeline.invert ? 255 - level8 : level8))
            #expect(Int(rendered16.pixels[index]) == (pipeline.invert ? 65535 - level16 : level16))
        }
    }

    @Test("samples above the encoding's maximum take the maximum sample's level")
    func outOfRangeSamplesClamp() throws {
        let encoding = StoredValueEncoding(bitsStored: 10, isSigned: false)
        let pipeline = DisplayPipeline(
            encoding: encoding, modality: .identity, voi: .window(Window(center: 512, width: 1024)), invert: false)
        let image = GrayImage<UInt16>(width: 4, height: 1, pixels: [0, 1023, 1024, 65535])
        let rendered = try pipeline.render(image)
        #expect(rendered.pixels == [0, 255, 255, 255])
        let table = try pipeline.displayLookupTable8()
        #expect(table.levels.count == 1024)
        #expect(table[sample: 65535] == 255)
        #expect(pipeline.modalityValue(ofSample: 4000) == 1023)
    }

    @Test("a modality LUT feeds the window")
    func modalityLUTThenWindow() throws {
        let modalityLUT = LookupTable(firstMappedValue: 0, bitsPerEntry: 16, entries: [1000, 0, 2000, 500])
        let pipeline = DisplayPipeline(
            encoding: StoredValueEncoding(bitsStored: 2, isSigned: false), modality: .lookupTable(modalityLUT),
            voi: .window(Window(center: 1000.5, width: 2001)), invert: false)
        // Ramp from 0 (minimum) to 2000 (maximum): fraction x / 2000.
        #expect(try pipeline.displayLookupTable8().levels == [128, 0, 255, 64])
    }
}
