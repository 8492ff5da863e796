import LucidBatch
import LucidDose
import LucidImaging
import Testing

/// The first look's statistics and rules on synthetic frames: thresholds met and missed by one
/// pixel, padding, signed data, and the merging of a multi-frame file's flags.
@Suite("First look on synthetic frames")
struct FirstLookTests {
    static let twelveBit = StoredValueEncoding(bitsStored: 12, isSigned: false)

    /// A 100 x 100 frame whose samples run 0...3999 (`(x + 100 y) * 2 / 5`, spread over hundreds of
    /// levels), then `maximumCount` pixels (at most 1200) of a block inside it, rows 40... and
    /// columns 40..<60, set to 4095, the 12-bit maximum.
    static func ramp(maximumCount: Int) -> GrayImage<UInt16> {
        var image = GrayImage(width: 100, height: 100, pixels: (0..<10_000).map { UInt16($0 * 2 / 5) })
        for index in 0..<maximumCount { image[40 + index % 20, 40 + index / 20] = 4095 }
        return image
    }

    /// The ramp with the block of rows `rows` and columns `columns` set to `value`.
    static func ramp(_ rows: Range<Int>, _ columns: Range<Int>, value: UInt16 = 4095) -> GrayImage<UInt16> {
        var image = ramp(maximumCount: 0)
        for y in rows { for x in columns { image[x, y] = value } }
        return image
    }

    static func flags(
        _ image: GrayImage<UInt16>, _ encoding: StoredValueEncoding = twelveBit,
        padding: ClosedRange<Int>? = nil, checksSaturation: Bool = true
    ) -> [Flag] {
        FirstLook.flags(
            FrameLook(samples: image, encoding: encoding, padding: padding), frame: 1,
            checksSaturation: checksSaturation)
    }

    @Test("1 % of the pixels at the largest stored value is saturated; one pixel fewer is not")
    func saturatedThreshold() throws {
        let above = Self.flags(Self.ramp(maximumCount: 100))
        #expect(above.map(\.kind) == ["saturated"])
        let flag = try #require(above.first)
        #expect(flag.severity == .warning)
        #expect(
            flag.message
                == "1.0 % of the in-field pixels clipped at the largest stored value 4095, away from the edge (frame 1)"
        )
        #expect(flag.details["share"] == .number(0.01) && flag.details["value"] == .number(4095))
        #expect(Self.flags(Self.ramp(maximumCount: 99)).isEmpty)
        let look = FrameLook(samples: Self.ramp(maximumCount: 99), encoding: Self.twelveBit, padding: nil)
        #expect(look.inFieldCount == 10_000 && look.atMaximumCount == 99 && look.enclosedAtMaximumCount == 99)
    }

    @Test("a region at the maximum that runs to the edge (the direct beam around a patient) is not saturation")
    func edgeRegions() {
        // 10 % at the maximum along the left edge, then the same block inside the frame.
        let edge = FrameLook(samples: Self.ramp(30..<50, 0..<50), encoding: Self.twelveBit, padding: nil)
        #expect(edge.atMaximumCount == 1000 && edge.enclosedAtMaximumCount == 0)
        #expect(Self.flags(Self.ramp(30..<50, 0..<50)).isEmpty)
        #expect(Self.flags(Self.ramp(30..<50, 1..<51)).map(\.kind) == ["saturated"])
        // Joined to the edge by a one-pixel path: the whole region runs to the edge.
        var joined = Self.ramp(30..<50, 10..<60)
        for x in 0..<10 { joined[x, 40] = 4095 }
        #expect(Self.flags(joined).isEmpty)
    }

    @Test("uniform bands along the edges (a mask burned in) are out of the field")
    func edgeBands() throws {
        // Rows 0..<30 and columns 90..<100 masked at the maximum, as a MONOCHROME1 reader blackens an
        // unexposed plate; 49 pixels at the maximum inside: 0.78 % of the 6300 in-field pixels.
        var image = Self.ramp(40..<47, 40..<47)
        for y in 0..<30 { for x in 0..<100 { image[x, y] = 4095 } }
        for y in 30..<100 { for x in 90..<100 { image[x, y] = 4095 } }
        let look = FrameLook(samples: image, encoding: Self.twelveBit, padding: nil)
        #expect(look.inFieldCount == 6300 && look.bandCount == 3700 && look.enclosedAtMaximumCount == 49)
        #expect(Self.flags(image).isEmpty)
        for y in 47..<50 { for x in 40..<47 { image[x, y] = 4095 } }
        let flag = try #require(Self.flags(image).first)
        #expect(flag.details["share"] == .number(0.0111))
    }

    @Test("CT and quantised data are not judged on the top of their range")
    func saturationExemptions() {
        #expect(Self.flags(Self.ramp(maximumCount: 500), checksSaturation: false).isEmpty)
        #expect(!FirstLook.checksSaturation(modality: "CT", quantised: false))
        #expect(!FirstLook.checksSaturation(modality: "MR", quantised: true))
        #expect(FirstLook.checksSaturation(modality: "CR", quantised: false))
        #expect(FirstLook.checksSaturation(modality: nil, quantised: false))
    }

    @Test("a uniform frame is blank (one level); so is one all padding (zero levels)")
    func uniformIsBlank() throws {
        let uniform = GrayImage<UInt16>(width: 64, height: 64, repeating: 500)
        let flag = try #require(Self.flags(uniform).first)
        #expect(flag.kind == "blank" && flag.severity == .alert)
        #expect(flag.message == "no signal: 99 % of the in-field pixels within 1 grey level(s) (frame 1)")
        #expect(flag.details["levels"] == .number(1))
        // A uniform frame at the maximum is blank, not also saturated.
        #expect(Self.flags(GrayImage(width: 8, height: 8, repeating: 4095)).map(\.kind) == ["blank"])
        let padded = try #require(Self.flags(uniform, padding: 500...500).first)
        #expect(padded.message == "no signal: every pixel is padding (frame 1)")
        #expect(padded.details["levels"] == .number(0))
    }

    /// 64 x 64 samples around 2000 with a repeating noise of `amplitude` levels either side.
    static func noisy(amplitude: Int) -> GrayImage<UInt16> {
        let span = 2 * amplitude + 1
        return GrayImage(
            width: 64, height: 64, pixels: (0..<4096).map { UInt16(2000 - amplitude + ($0 * 7919) % span) })
    }

    @Test("noise within 8 levels (12 bits stored) is blank; within 11 it is not")
    func nearlyUniform() {
        #expect(FirstLook.blankLevels(encodingLevels: 4096) == 8)
        #expect(FirstLook.blankLevels(encodingLevels: 65536) == 16)
        #expect(FirstLook.blankLevels(encodingLevels: 16384) == 16)
        #expect(FirstLook.blankLevels(encodingLevels: 1024) == 4)
        #expect(FirstLook.blankLevels(encodingLevels: 256) == 4)
        #expect(FrameLook(samples: Self.noisy(amplitude: 3), encoding: Self.twelveBit, padding: nil).centralLevels == 7)
        #expect(Self.flags(Self.noisy(amplitude: 3)).map(\.kind) == ["blank"])
        #expect(
            FrameLook(samples: Self.noisy(amplitude: 5), encoding: Self.twelveBit, padding: nil).centralLevels == 11)
        #expect(Self.flags(Self.noisy(amplitude: 5)).isEmpty)
        // 0.4 % outliers do not hide a blank frame: the band is the central 99 %.
        var spiked = Self.noisy(amplitude: 1)
        for index in 0..<16 { spiked.pixels[index * 200] = 100 }
        #expect(Self.flags(spiked).map(\.kind) == ["blank"])
    }

    @Test("padding is out of the field: padded pixels at the maximum are not saturation")
    func paddingExcluded() {
        let image = Self.ramp(20..<50, 20..<50)
        #expect(Self.flags(image).map(\.kind) == ["saturated"])
        let look = FrameLook(samples: image, encoding: Self.twelveBit, padding: 4095...4095)
        #expect(look.inFieldCount == 9100 && look.atMaximumCount == 0)
        #expect(Self.flags(image, padding: 4095...4095).isEmpty)
        // A padding range (value and range limit) excludes every stored value within it: the 4000
        // ramp pixels at 0...1599 less the 600 of them under the block.
        #expect(FrameLook(samples: image, encoding: Self.twelveBit, padding: 0...1599).inFieldCount == 6600)
    }

    @Test("signed data: the largest stored value is 2^(bits-1) - 1, padding given as signed stored values")
    func signed() throws {
        let encoding = StoredValueEncoding(bitsStored: 16, isSigned: true)
        // Stored values -1000...+999 as offset-binary samples, 2 % at the stored maximum 32767.
        var image = GrayImage(
            width: 100, height: 100, pixels: (0..<10_000).map { encoding.sample(ofStoredValue: -1000 + $0 / 5) })
        for y in 0..<20 { for x in 0..<100 { image[x, y] = encoding.sample(ofStoredValue: -2000) } }
        for y in 40..<50 { for x in 40..<60 { image[x, y] = encoding.sample(ofStoredValue: 32767) } }
        let flag = try #require(Self.flags(image, encoding, padding: -2000...(-2000)).first)
        #expect(flag.kind == "saturated" && flag.details["value"] == .number(32767))
        #expect(flag.details["share"] == .number(0.025))
        // The stored minimum is not saturation: only the top of the range is.
        for y in 40..<50 { for x in 40..<60 { image[x, y] = encoding.sample(ofStoredValue: -32768) } }
        #expect(Self.flags(image, encoding).isEmpty)
    }

    @Test("a multi-frame file keeps one flag per kind, naming its first frame and counting the others")
    func framesMerge() {
        var flags: [Flag] = []
        let saturated = FrameLook(samples: Self.ramp(maximumCount: 200), encoding: Self.twelveBit, padding: nil)
        let clean = FrameLook(samples: Self.ramp(maximumCount: 0), encoding: Self.twelveBit, padding: nil)
        for (frame, look) in [(1, clean), (2, saturated), (3, clean), (4, saturated), (5, saturated)] {
            FirstLook.merge(FirstLook.flags(look, frame: frame, checksSaturation: true), into: &flags)
        }
        #expect(flags.count == 1)
        #expect(
            flags.first?.message
                == "2.0 % of the in-field pixels clipped at the largest stored value 4095, away from the edge (frame 2 and 2 more frame(s))"
        )
        #expect(flags.first?.details["frame"] == .number(2) && flags.first?.details["frames"] == .number(3))
        #expect(
            FirstLook.jsonArray(flags)
                == #"[{"frame":2,"frames":3,"kind":"saturated","message":"2.0 % of the in-field pixels clipped at the largest stored value 4095, away from the edge (frame 2 and 2 more frame(s))","severity":"warning","share":0.02,"value":4095}]"#
        )
        #expect(FirstLook.jsonArray([]) == "[]")
    }
}
