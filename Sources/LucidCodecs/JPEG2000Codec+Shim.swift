import CJPEG2000Shim

extension JPEG2000Codec {
    /// Runs the OpenJPEG shim over the header's codestream range into a buffer of exactly
    /// `sampleCount` samples (`.uint8` for precision up to 8, else `.uint16`).
    static func decodeSamples(
        _ bytes: [UInt8], header: JPEG2000Header, sampleCount: Int, threads: Int
    ) throws(CodecError) -> SampleBuffer {
        guard let width = UInt32(exactly: header.width), let height = UInt32(exactly: header.height) else {
            throw .unsupportedCodestream(format: .jpeg2000, reason: "a width or height above 2^32 - 1")
        }
        var expected = lucid_j2k_geometry(
            width: width, height: height, components: UInt32(header.components),
            precision: UInt32(header.precision), is_signed: header.isSigned ? 1 : 0)
        let range = header.codestreamRange
        let failure: String?
        let result: SampleBuffer
        if header.precision <= 8 {
            var samples = [UInt8](repeating: 0, count: sampleCount)
            failure = run(bytes, range, &expected, threads, &samples)
            result = .uint8(samples)
        } else {
            var samples = [UInt16](repeating: 0, count: sampleCount)
            failure = run(bytes, range, &expected, threads, &samples)
            result = .uint16(samples)
        }
        if let failure { throw .codestream(format: .jpeg2000, operation: "decode", message: failure) }
        return result
    }

    private static func run<Sample>(
        _ bytes: [UInt8], _ range: Range<Int>, _ expected: inout lucid_j2k_geometry, _ threads: Int,
        _ samples: inout [Sample]
    ) -> String? {
        bytes.withUnsafeBufferPointer { input in
            samples.withUnsafeMutableBytes { output in
                callShim { message, capacity in
                    guard let base = input.baseAddress, range.upperBound <= input.count else { return -1 }
                    return lucid_j2k_decode(
                        base + range.lowerBound, range.count, &expected, Int32(threads), output.baseAddress,
                        output.count, Int32(MemoryLayout<Sample>.size), message, capacity)
                }
            }
        }
    }
}
