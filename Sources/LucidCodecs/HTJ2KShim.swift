import CCodecShims
import CHTJ2KShim

/// The calls into the OpenJPH shim (CHTJ2KShim), the only place HTJ2K touches unsafe pointers.
enum HTJ2KShim {
    static func readHeader(_ bytes: [UInt8]) throws(CodecError) -> lucid_htj2k_header {
        var header = lucid_htj2k_header()
        let failure = callShim { message, capacity in
            lucid_htj2k_read_header(bytes, bytes.count, &header, message, capacity)
        }
        if let failure { throw .codestream(format: .htj2k, operation: "read header", message: failure) }
        return header
    }

    /// Decodes into a buffer of `sampleCount` samples sized from `header` (already limit-checked).
    static func decodeSamples(
        _ bytes: [UInt8], header: lucid_htj2k_header, sampleCount: Int
    ) throws(CodecError) -> SampleBuffer {
        var expected = header
        if header.precision <= 8 {
            var samples = [UInt8](repeating: 0, count: sampleCount)
            try decode(bytes, &expected, into: &samples)
            return .uint8(samples)
        }
        var samples = [UInt16](repeating: 0, count: sampleCount)
        try decode(bytes, &expected, into: &samples)
        return .uint16(samples)
    }

    private static func decode<Sample: FixedWidthInteger>(
        _ bytes: [UInt8], _ header: inout lucid_htj2k_header, into samples: inout [Sample]
    ) throws(CodecError) {
        let failure = samples.withUnsafeMutableBytes { buffer in
            callShim { message, capacity in
                lucid_htj2k_decode(
                    bytes, bytes.count, &header, buffer.baseAddress, buffer.count / MemoryLayout<Sample>.size,
                    Int32(MemoryLayout<Sample>.size), message, capacity)
            }
        }
        if let failure { throw .codestream(format: .htj2k, operation: "decode", message: failure) }
    }

    static func encode(_ source: CodestreamSource, rpcl: Bool) throws(CodecError) -> [UInt8] {
        guard source.components == 1 || source.components == 3, (1...16).contains(source.precision),
            let width = UInt32(exactly: source.width), let height = UInt32(exactly: source.height),
            width > 0, height > 0
        else {
            throw .unsupportedCodestream(
                format: .htj2k,
                reason: "cannot encode \(source.width) x \(source.height) pixels of \(source.components) "
                    + "components at \(source.precision) bits; use 1 or 3 components of 1...16 bits")
        }
        var output = lucid_codec_buffer()
        defer { lucid_codec_buffer_free(&output) }
        let failure: String?
        switch source.samples {
        case .uint8(let samples) where source.precision <= 8:
            failure = encode(samples, source, width, height, rpcl, &output)
        case .uint16(let samples) where source.precision > 8:
            failure = encode(samples, source, width, height, rpcl, &output)
        default:
            throw .unsupportedCodestream(
                format: .htj2k,
                reason: "\(source.precision)-bit samples need a .uint8 (1...8) or .uint16 (9...16) buffer")
        }
        if let failure { throw .codestream(format: .htj2k, operation: "encode", message: failure) }
        return output.bytes
    }

    private static func encode<Sample: FixedWidthInteger>(
        _ samples: [Sample], _ source: CodestreamSource, _ width: UInt32, _ height: UInt32, _ rpcl: Bool,
        _ output: inout lucid_codec_buffer
    ) -> String? {
        samples.withUnsafeBytes { buffer in
            callShim { message, capacity in
                lucid_htj2k_encode(
                    buffer.baseAddress, samples.count, Int32(MemoryLayout<Sample>.size), width, height,
                    UInt32(source.components), UInt32(source.precision), source.isSigned ? 1 : 0, rpcl ? 1 : 0,
                    &output, message, capacity)
            }
        }
    }
}
