import LucidCodecs
import LucidDICOM
import LucidTestSupport
import Testing

@Suite("JPEG-LS hostile and unsupported input")
struct JPEGLSHostileInputTests {
    let valid: [UInt8]
    let limits = CodestreamLimits(maximumSampleCount: 64 * 64)

    init() throws {
        let file = try DICOMFile.read(path: SampleCorpus.path("mr_small_jpegls_lossless.dcm"))
        valid = try JPEGLSTestData.codestream(of: file)
    }

    /// The offset of the SOF55 marker (FF F7): then Lf(2) P(1) Y(2) X(2) Nf(1), ISO/IEC 14495-1 C.2.2.
    func frameHeaderOffset(_ bytes: [UInt8]) throws -> Int {
        try #require(bytes.indices.dropLast().first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xF7 })
    }

    func decodeError(_ bytes: [UInt8], limits: CodestreamLimits? = nil) -> CodecError? {
        do {
            _ = try JPEGLSCodec.decode(bytes, limits: limits ?? self.limits)
            return nil
        } catch {
            return error
        }
    }

    func isUnsupported(_ error: CodecError?) -> Bool {
        if case .unsupportedCodestream(.jpegLS, _)? = error { return true }
        return false
    }

    @Test("the untouched codestream decodes (the mutations below start from a valid stream)")
    func validDecodes() throws {
        #expect(try JPEGLSCodec.decode(valid, limits: limits).samples.count == 64 * 64)
    }

    /// Every prefix, including those that end inside the entropy-coded data: CharLS 2.4 loops
    /// forever on some of these unless the decoder guards the end of the buffer (jls_decode.c).
    @Test("every truncation throws a JPEG-LS error or, missing only EOI, decodes the whole image")
    func everyTruncation() throws {
        let complete = try JPEGLSCodec.decode(valid, limits: limits)
        #expect(Array(valid.suffix(2)) == [0xFF, 0xD9])
        for length in 0..<valid.count {
            let prefix = Array(valid.prefix(length))
            do {
                let decoded = try JPEGLSCodec.decode(prefix, limits: limits)
                // Only the EOI marker is missing: every entropy-coded bit is there.
                #expect(length >= valid.count - 2, "a \(length)-byte prefix of \(valid.count) decoded")
                #expect(decoded == complete)
            } catch {
                if case .codestream(.jpegLS, _, _) = error {} else { Issue.record("prefix \(length): \(error)") }
            }
        }
    }

    @Test("flipped bytes never crash; a decode that succeeds has the declared size")
    func flippedBytes() {
        var generator = SeededGenerator(seed: 23)
        for _ in 0..<500 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] ^= UInt8.random(
                    in: 1...255, using: &generator)
            }
            if let decoded = try? JPEGLSCodec.decode(bytes, limits: limits) {
                #expect(decoded.samples.count == decoded.width * decoded.height * decoded.components)
                #expect(decoded.samples.count <= limits.maximumSampleCount)
            }
        }
    }

    @Test("a 60000 x 60000 header is refused before allocation, quickly")
    func hugeHeader() throws {
        var bytes = valid
        let sof = try frameHeaderOffset(bytes)
        bytes.replaceSubrange((sof + 5)...(sof + 8), with: [0xEA, 0x60, 0xEA, 0x60])
        let clock = ContinuousClock()
        let started = clock.now
        let error = decodeError(bytes)
        #expect(clock.now - started < .seconds(1))
        guard case .imageTooLarge(let width, let height, let maximum)? = error else {
            Issue.record("expected imageTooLarge, got \(String(describing: error))")
            return
        }
        #expect(width == 60000 && height == 60000 && maximum == 64 * 64)
    }

    @Test("a frame one sample larger than the limit is refused")
    func justAboveLimit() {
        guard case .imageTooLarge? = decodeError(valid, limits: CodestreamLimits(maximumSampleCount: 64 * 64 - 1))
        else {
            Issue.record("a frame above the limit decoded")
            return
        }
    }

    @Test("precision outside 2...16 is unsupported", arguments: [0, 1, 17, 255])
    func precisionOutOfRange(_ precision: UInt8) throws {
        var bytes = valid
        bytes[try frameHeaderOffset(bytes) + 4] = precision
        #expect(isUnsupported(decodeError(bytes)), "\(String(describing: decodeError(bytes)))")
    }

    @Test("the HP colour transform (APP8 \"mrfx\") is refused as unsupported")
    func hpColourTransform() throws {
        let samples = (0..<(8 * 8 * 3)).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let source = CodestreamSource(
            width: 8, height: 8, components: 3, precision: 8, isSigned: false, samples: .uint8(samples))
        let encoded = try JPEGLSCodec.encode(source)
        let limits = CodestreamLimits(maximumSampleCount: 8 * 8 * 3)
        #expect(try JPEGLSCodec.decode(encoded, limits: limits).samples == .uint8(samples))
        for transform: UInt8 in 1...3 {
            let app8: [UInt8] = [0xFF, 0xE8, 0x00, 0x07, 0x6D, 0x72, 0x66, 0x78, transform]
            let bytes = Array(encoded.prefix(2)) + app8 + encoded.dropFirst(2)
            let error = decodeError(bytes, limits: limits)
            #expect(isUnsupported(error), "HP\(transform): \(String(describing: error))")
        }
    }

    @Test("an LSE mapping table (ID 2), which CharLS 2.4 cannot apply, is refused as unsupported")
    func mappingTable() throws {
        let sof = try frameHeaderOffset(valid)
        let frameEnd = sof + 2 + (Int(valid[sof + 2]) << 8 | Int(valid[sof + 3]))
        let lse: [UInt8] = [0xFF, 0xF8, 0x00, 0x08, 0x02, 0x01, 0x01, 0x00, 0x01, 0x02]
        let bytes = Array(valid[..<frameEnd]) + lse + valid[frameEnd...]
        let error = decodeError(bytes)
        #expect(isUnsupported(error), "\(String(describing: error))")
    }

    @Test("JPEG streams of other processes are refused with typed errors")
    func otherJPEGProcesses() throws {
        // A JFIF baseline file: CharLS stops at its DQT segment, a marker JPEG-LS does not define.
        let jpeg = try JPEGCodec.encode(TestImages.smooth(width: 16, height: 16), quality: 90)
        switch decodeError(jpeg) {
        case .codestream(.jpegLS, "read header", _)?, .unsupportedCodestream(.jpegLS, _)?: break
        case let other: Issue.record("baseline JPEG: \(String(describing: other))")
        }
        // SOI then a baseline frame header (SOF0): another JPEG process, so unsupported.
        let baselineFrame: [UInt8] = [
            0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x10, 0x00, 0x10, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9,
        ]
        #expect(isUnsupported(decodeError(baselineFrame)), "\(String(describing: decodeError(baselineFrame)))")
    }

    @Test("empty input, garbage and a bare SOI/EOI throw JPEG-LS errors")
    func garbage() {
        var generator = SeededGenerator(seed: 29)
        let noise = (0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for bytes in [[], noise, [0xFF, 0xD8] + noise, [0xFF, 0xD8, 0xFF, 0xD9], Array(valid.prefix(2))] {
            if case .codestream(.jpegLS, _, _)? = decodeError(bytes) {
            } else {
                Issue.record("\(bytes.count) bytes: \(String(describing: decodeError(bytes)))")
            }
        }
    }
}
