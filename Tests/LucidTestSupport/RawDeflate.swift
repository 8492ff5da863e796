import CZlib

/// Raw deflate streams (RFC 1951, no zlib header), as Deflated Explicit VR Little Endian stores its
/// data set (PS3.5 A.5): the test side of `Inflate` in LucidDICOM. Besides plain data, deflate
/// bombs: a prefix followed by a great many zero bytes, built without ever holding the zeros: each
/// mebibyte of zeros is compressed once after a full flush (which resets the compressor's state), so
/// the same compressed block stands for every mebibyte. A few MB of stream inflate to GBs.
public enum RawDeflate {
    /// `bytes`, deflated.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        stream(prefix: bytes, zeros: 0)
    }

    /// `prefix`, then `zeros` zero bytes, deflated (about 1 KB of stream per MiB of zeros).
    public static func stream(prefix: [UInt8], zeros: Int) -> [UInt8] {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
                == Z_OK
        else { return [] }
        defer { deflateEnd(&stream) }
        let chunk = 1 << 20
        var output = compress(&stream, prefix, flush: Z_FULL_FLUSH)
        if zeros >= chunk {
            let block = compress(&stream, [UInt8](repeating: 0, count: chunk), flush: Z_FULL_FLUSH)
            output.reserveCapacity(output.count + block.count * (zeros / chunk) + 1024)
            for _ in 0..<(zeros / chunk) { output += block }
        }
        output += compress(&stream, [UInt8](repeating: 0, count: zeros % chunk), flush: Z_FINISH)
        return output
    }

    /// A Part 10 file in Deflated Explicit VR Little Endian whose data set is `elements` followed by
    /// one element `(group,element)` with VR `vr` holding `zeros` zero bytes.
    public static func part10(elements: [UInt8], group: UInt16, element: UInt16, vr: String, zeros: Int) -> [UInt8] {
        var header = DataSetBytes()
        header.element(group, element, vr, [], length: UInt32(clamping: zeros))
        return DataSetBytes.part10(
            transferSyntax: "1.2.840.10008.1.2.1.99", body: stream(prefix: elements + header.bytes, zeros: zeros))
    }

    private static func compress(_ stream: inout z_stream, _ input: [UInt8], flush: Int32) -> [UInt8] {
        var source = input
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 64)
        let produced = source.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                _ = deflate(&stream, flush)
                return outputBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<produced])
    }
}
