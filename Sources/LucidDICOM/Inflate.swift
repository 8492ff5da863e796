import CZlib

/// Raw deflate (RFC 1951) decompression for Deflated Explicit VR Little Endian (PS3.5 A.5), with a
/// cap on the output size. Streams that carry a zlib header by mistake are accepted too.
enum Inflate {
    enum Failure: Error {
        case corrupt(String)
        /// The output passed the limit; the payload is the size reached, `limit + 1`.
        case tooLarge(Int)
    }

    static func inflate(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        do {
            return try run(input, windowBits: -15, limit: limit)
        } catch .corrupt(let rawMessage) {
            do {
                return try run(input, windowBits: 15, limit: limit)
            } catch .tooLarge(let size) {
                throw .tooLarge(size)
            } catch {
                throw .corrupt(rawMessage)
            }
        }
    }

    private static func run(_ input: ArraySlice<UInt8>, windowBits: Int32, limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        // At most `limit + 1` bytes are ever produced: one byte past the cap proves it is exceeded.
        let chunk = limit < 1 << 20 ? limit + 1 : 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var input = Array(input)
        var exceeded = false
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(truncatingIfNeeded: source.count)
            while true {
                let room = limit - output.count >= chunk ? chunk : limit - output.count + 1
                let code = buffer.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(room)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = room - Int(stream.avail_out)
                if output.count + produced > limit {
                    exceeded = true
                    return code
                }
                output.append(contentsOf: buffer[0..<produced])
                // Z_OK with no progress cannot happen while input remains; Z_BUF_ERROR means input ran out.
                if code != Z_OK { return code }
            }
        }
        if exceeded { throw .tooLarge(limit + 1) }
        if status == Z_STREAM_END { return output }
        if status == Z_BUF_ERROR { throw .corrupt("the deflate stream ends early") }
        let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        throw .corrupt(message)
    }
}
