import LucidCodecs
import LucidTestSupport
import Testing

@Suite("JPEG-LS encoding round trips")
struct JPEGLSRoundTripTests {
    static func randomWords(_ count: Int, in range: ClosedRange<UInt16>, seed: UInt64) -> [UInt16] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in UInt16.random(in: range, using: &generator) }
    }

    static func limits(_ source: CodestreamSource) -> CodestreamLimits {
        CodestreamLimits(maximumSampleCount: source.width * source.height * source.components)
    }

    @Test("random 12-bit grey in 16-bit samples comes back bit-exact")
    func grey12() throws {
        let source = CodestreamSource(
            width: 67, height: 45, components: 1, precision: 12, isSigned: false,
            samples: .uint16(Self.randomWords(67 * 45, in: 0...4095, seed: 1)))
        let encoded = try JPEGLSCodec.encode(source)
        #expect(Array(encoded.prefix(4)) == [0xFF, 0xD8, 0xFF, 0xF7])  // SOI, SOF55 (T.87 frame)
        let decoded = try JPEGLSCodec.decode(encoded, limits: Self.limits(source))
        #expect(decoded.width == 67 && decoded.height == 45 && decoded.components == 1)
        #expect(decoded.precision == 12 && !decoded.isSigned)
        #expect(decoded.samples == source.samples)
    }

    @Test("random 8-bit RGB comes back bit-exact, interleaved by pixel")
    func rgb8() throws {
        var generator = SeededGenerator(seed: 2)
        let samples = (0..<(31 * 17 * 3)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let source = CodestreamSource(
            width: 31, height: 17, components: 3, precision: 8, isSigned: false, samples: .uint8(samples))
        let decoded = try JPEGLSCodec.decode(JPEGLSCodec.encode(source), limits: Self.limits(source))
        #expect(decoded.components == 3 && decoded.precision == 8)
        #expect(decoded.samples == .uint8(samples))
    }

    @Test("full-range 16-bit and low-precision grey come back bit-exact")
    func otherPrecisions() throws {
        let wide = CodestreamSource(
            width: 40, height: 30, components: 1, precision: 16, isSigned: false,
            samples: .uint16(Self.randomWords(1200, in: 0...65535, seed: 3)))
        #expect(try JPEGLSCodec.decode(JPEGLSCodec.encode(wide), limits: Self.limits(wide)).samples == wide.samples)
        var generator = SeededGenerator(seed: 4)
        let twoBit = (0..<(9 * 7)).map { _ in UInt8.random(in: 0...3, using: &generator) }
        let narrow = CodestreamSource(
            width: 9, height: 7, components: 1, precision: 2, isSigned: false, samples: .uint8(twoBit))
        let decoded = try JPEGLSCodec.decode(JPEGLSCodec.encode(narrow), limits: Self.limits(narrow))
        #expect(decoded.precision == 2 && decoded.samples == .uint8(twoBit))
    }

    @Test("signed samples are written as their low bits and decode as unsigned bit patterns")
    func signed() throws {
        var generator = SeededGenerator(seed: 5)
        let values = (0..<(50 * 20)).map { _ in Int16.random(in: -2048...2047, using: &generator) }
        let source = CodestreamSource(
            width: 50, height: 20, components: 1, precision: 12, isSigned: true,
            samples: .uint16(values.map { UInt16(bitPattern: $0) }))
        let decoded = try JPEGLSCodec.decode(JPEGLSCodec.encode(source), limits: Self.limits(source))
        #expect(decoded.precision == 12 && !decoded.isSigned)
        #expect(decoded.samples == .uint16(values.map { UInt16(bitPattern: $0) & 0x0FFF }))
        // The DICOM layer's sign extension from Bits Stored 12 restores every value.
        guard case .uint16(let patterns) = decoded.samples else { return }
        #expect(patterns.map { Int16(bitPattern: $0 << 4) >> 4 } == values)

        let bytes: [Int8] = [-128, -1, 0, 1, 127, -77]
        let signed8 = CodestreamSource(
            width: 3, height: 2, components: 1, precision: 8, isSigned: true,
            samples: .uint8(bytes.map { UInt8(bitPattern: $0) }))
        let decoded8 = try JPEGLSCodec.decode(JPEGLSCodec.encode(signed8), limits: Self.limits(signed8))
        #expect(decoded8.samples == .uint8(bytes.map { UInt8(bitPattern: $0) }))
    }

    @Test("near-lossless encoding keeps every sample within NEAR")
    func nearLossless() throws {
        let original = Self.randomWords(64 * 48, in: 0...1023, seed: 6)
        let source = CodestreamSource(
            width: 64, height: 48, components: 1, precision: 10, isSigned: false, samples: .uint16(original))
        let lossless = try JPEGLSCodec.encode(source)
        let encoded = try JPEGLSCodec.encode(source, nearLossless: 3)
        #expect(encoded.count < lossless.count)
        let decoded = try JPEGLSCodec.decode(encoded, limits: Self.limits(source))
        guard case .uint16(let samples) = decoded.samples else {
            Issue.record("expected 16-bit samples")
            return
        }
        #expect(samples != original)
        #expect(zip(samples, original).allSatisfy { abs(Int($0) - Int($1)) <= 3 })
    }

    @Test("sources JPEG-LS cannot carry are refused with typed errors")
    func invalidSources() {
        func source(
            width: Int = 4, height: Int = 2, components: Int = 1, precision: Int = 12, signed: Bool = false,
            _ samples: SampleBuffer = .uint16([UInt16](repeating: 7, count: 8))
        ) -> CodestreamSource {
            CodestreamSource(
                width: width, height: height, components: components, precision: precision, isSigned: signed,
                samples: samples)
        }
        func unsupported(_ source: CodestreamSource) -> Bool {
            if case .unsupportedCodestream(.jpegLS, _)? = encodeError(source) { return true }
            return false
        }
        func invalid(_ source: CodestreamSource, nearLossless: Int = 0) -> Bool {
            if case .codestream(.jpegLS, "encode", _)? = encodeError(source, nearLossless: nearLossless) {
                return true
            }
            return false
        }
        #expect(unsupported(source(precision: 17)))
        #expect(unsupported(source(precision: 1, .uint8([UInt8](repeating: 1, count: 8)))))
        #expect(unsupported(source(components: 2, .uint16([UInt16](repeating: 1, count: 16)))))
        #expect(invalid(source(.uint16([UInt16](repeating: 4096, count: 8)))))  // above 2^12 - 1
        #expect(invalid(source(signed: true, .uint16([UInt16](repeating: 2048, count: 8)))))  // above 2047
        #expect(invalid(source(signed: true, .uint16([UInt16](repeating: 0xF7FF, count: 8)))))  // below -2048
        #expect(invalid(source(.uint8([UInt8](repeating: 1, count: 8)))))  // 12 bits need .uint16
        #expect(invalid(source(.uint16([UInt16](repeating: 1, count: 7)))))  // one sample short
        #expect(invalid(source(), nearLossless: 2048))  // NEAR above (2^12 - 1) / 2
        #expect(invalid(source(), nearLossless: -1))
        if case .imageTooLarge? = encodeError(source(width: 0)) {} else { Issue.record("width 0 accepted") }
    }

    private func encodeError(_ source: CodestreamSource, nearLossless: Int = 0) -> CodecError? {
        do {
            _ = try JPEGLSCodec.encode(source, nearLossless: nearLossless)
            return nil
        } catch {
            return error
        }
    }
}
