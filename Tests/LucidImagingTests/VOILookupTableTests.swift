import LucidImaging
import Testing

@Suite("VOI LUT and linear range")
struct VOILookupTableTests {
    /// Ten entries mapping inputs -100 ... -91, 8 bits per entry; one entry above the nominal maximum.
    let lut = LookupTable(
        firstMappedValue: -100, bitsPerEntry: 8, entries: [10, 20, 30, 40, 50, 60, 70, 80, 300, 255])

    @Test("inputs below the first mapped value take entry 0, beyond the last take the last entry")
    func clampsOutsideTheMappedRange() {
        #expect(lut.lookup(modalityValue: -1e9) == 10)
        #expect(lut.lookup(modalityValue: -101) == 10)
        #expect(lut.lookup(modalityValue: -100.5) == 10)
        #expect(lut.lookup(modalityValue: -100) == 10)
        #expect(lut.lookup(modalityValue: -91) == 255)
        #expect(lut.lookup(modalityValue: -90.5) == 255)
        #expect(lut.lookup(modalityValue: 1e9) == 255)
        #expect(lut.lookup(modalityValue: .infinity) == 255)
        #expect(lut.lookup(modalityValue: .nan) == 10)
    }

    @Test("fractional modality values are floored")
    func floorsFractionalInputs() {
        #expect(lut.lookup(modalityValue: -99.999) == 10)
        #expect(lut.lookup(modalityValue: -99.0) == 20)
        #expect(lut.lookup(modalityValue: -98.01) == 20)
        #expect(lut.lookup(modalityValue: -97.5) == 30)
        #expect(lut.lookup(modalityValue: -91.5) == 300)
    }

    @Test("entries are normalised by 2^bits - 1 and entries above it give 1")
    func normalisesEntries() {
        #expect(lut.voiOutputFraction(forModalityValue: -100) == 10.0 / 255)
        #expect(lut.voiOutputFraction(forModalityValue: -92) == 1)
        let voi = VOITransform.lookupTable(lut)
        #expect(voi.outputLevel(forModalityValue: -92, maximumLevel: 255) == 255)
        #expect(voi.outputLevel(forModalityValue: -100, maximumLevel: 255) == 10)
        #expect(voi.outputLevel(forModalityValue: -100, maximumLevel: 65535) == 2570)
    }

    @Test("a 16-bit VOI LUT over every signed 16-bit sample with a rescale")
    func sixteenBitLUTExhaustive() throws {
        let entries = (0..<4096).map { UInt16(($0 * 37) % 65536) }
        let table = LookupTable(firstMappedValue: -1024, bitsPerEntry: 16, entries: entries)
        let encoding = StoredValueEncoding(bitsStored: 16, isSigned: true)
        let pipeline = DisplayPipeline(
            encoding: encoding, modality: .rescale(slope: 0.5, intercept: -7.25), voi: .lookupTable(table),
            invert: true)
        let levels = try pipeline.displayLookupTable8().levels
        let result = mismatches(levels) { sample in
            let x = 0.5 * Double(sample - 32768) - 7.25
            var index = Int((x - -1024).rounded(.towardZero))
            if x < -1024 { index = 0 }
            index = min(index, entries.count - 1)
            return 255 - ReferenceDisplay.roundHalfUp(Double(entries[index]) / 65535 * 255, ymax: 255)
        }
        #expect(result.count == 0, "\(result.first)")
    }

    @Test("linear range maps lower ... upper onto the output and clamps outside")
    func linearRange() {
        let voi = VOITransform.linearRange(lower: -1000, upper: 3000)
        #expect(voi.outputFraction(forModalityValue: -1000) == 0)
        #expect(voi.outputFraction(forModalityValue: -5000) == 0)
        #expect(voi.outputFraction(forModalityValue: 1000) == 0.5)
        #expect(voi.outputFraction(forModalityValue: 3000) == 1)
        #expect(voi.outputFraction(forModalityValue: 9000) == 1)
        #expect(voi.outputLevel(forModalityValue: 1000, maximumLevel: 255) == 128)
    }

    @Test("linear range with equal bounds gives the minimum everywhere")
    func linearRangeEqualBounds() throws {
        let voi = VOITransform.linearRange(lower: 42, upper: 42)
        for x in [-1e9, 41, 42, 43, 1e9] {
            #expect(voi.outputFraction(forModalityValue: x) == 0)
        }
        let pipeline = DisplayPipeline(
            encoding: StoredValueEncoding(bitsStored: 8, isSigned: false), modality: .identity, voi: voi, invert: false)
        #expect(try pipeline.displayLookupTable8().levels.allSatisfy { $0 == 0 })
        var inverted = pipeline
        inverted.invert = true
        #expect(try inverted.displayLookupTable8().levels.allSatisfy { $0 == 255 })
    }

    @Test("linear range with reversed or non-finite bounds is rejected")
    func linearRangeInvalid() {
        for (lower, upper) in [(10.0, 5.0), (.nan, 5), (0, .infinity)] {
            let pipeline = DisplayPipeline(
                encoding: StoredValueEncoding(bitsStored: 8, isSigned: false), modality: .identity,
                voi: .linearRange(lower: lower, upper: upper), invert: false)
            #expect(throws: DisplayPipelineError.self) { try pipeline.validate() }
        }
    }
}
