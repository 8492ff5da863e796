import CCodecShims
import CJPEGLSShim

/// The calls into the CharLS shim (`CJPEGLSShim`); the only JPEG-LS code that touches pointers.
enum JPEGLSShimCalls {
    /// Reads the frame and first scan headers.
    static func readHeader(_ bytes: [UInt8]) throws(CodecError) -> lucid_jls_header {
        var header = lucid_jls_header()
        let failure = callJPEGLSShim { message, capacity in
            lucid_jls_read_header(bytes, bytes.count, &header, message, capacity)
        }
        if let failure { throw error(failure, operation: "read header") }
        return header
    }

    /// Decodes the frame `header` describes into `samples`, whose size must match it exactly.
    static func decode<Sample>(
        _ bytes: [UInt8], header: lucid_jls_header, into samples: inout [Sample]
    ) throws(CodecError) {
        var expected = header
        let failure = samples.withUnsafeMutableBytes { buffer in
            callJPEGLSShim { message, capacity in
                lucid_jls_decode(
                    bytes, bytes.count, &expected, buffer.baseAddress, buffer.count, message, capacity)
            }
        }
        if let failure { throw error(failure, operation: "decode") }
    }

    /// Encodes `samples` (each at most 2^precision - 1) as one JPEG-LS codestream.
    static func encode<Sample>(
        _ samples: [Sample], width: UInt32, height: UInt32, precision: Int, components: Int,
        nearLossless: Int
    ) throws(CodecError) -> [UInt8] {
        var output = lucid_codec_buffer()
        defer { lucid_codec_buffer_free(&output) }
        let failure = samples.withUnsafeBytes { buffer in
            callJPEGLSShim { message, capacity in
                lucid_jls_encode(
                    buffer.baseAddress, buffer.count, width, height, Int32(precision), Int32(components),
                    Int32(nearLossless), &output, message, capacity)
            }
        }
        if let failure { throw error(failure, operation: "encode") }
        return output.bytes
    }

    /// A shim failure: its message, and whether the shim called the feature unsupported.
    struct Failure {
        let message: String
        let unsupported: Bool
    }

    private static func error(_ failure: Failure, operation: String) -> CodecError {
        failure.unsupported
            ? .unsupportedCodestream(format: .jpegLS, reason: failure.message)
            : .codestream(format: .jpegLS, operation: operation, message: failure.message)
    }

    /// `callShim`, keeping the status so that `LUCID_JLS_UNSUPPORTED` can be told apart.
    private static func callJPEGLSShim(_ body: (UnsafeMutablePointer<CChar>, Int) -> Int32) -> Failure? {
        var status: Int32 = 0
        let message = callShim { text, capacity in
            status = body(text, capacity)
            return status
        }
        guard let message else { return nil }
        return Failure(message: message, unsupported: status == LUCID_JLS_UNSUPPORTED)
    }
}
