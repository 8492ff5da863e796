import CZlib

/// Raw deflate (RFC 1951) decompression for Deflated Explicit VR Little Endian (PS3.5 A.5), with a
/// cap on the output size. Streams that carry a zlib header by mistake are accepted too.
///
/// The stream is inflated twice: first into a small scratch buffer, only counting, stopping one
/// byte past the cap; then into an array of exactly the counted size. Memory therefore never
/// exceeds the data set's own size (plus the scratch buffer), and a deflate bomb costs the scratch
/// buffer alone, however far it would expand.
enum Inflate {
    enum Failure: Error {
        case corrupt(String)
        /// The output passed the limit; the payload is the size reached, `limit + 1`.
        case tooLarge(Int)
    }

    /// The scratch buffer of the counting pass, bytes.
    static let scratchBytes = 1 << 16

    /// Inflates `input`, refusing output beyond `limit` bytes (`limit` >= 0).
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        let windowBits: Int32
        let size: Int
        do {
            size = try measure(input, windowBits: -15, limit: limit)
            windowBits = -15
        } catch .corrupt(let rawMessage) {
            do {
                size = try measure(input, windowBits: 15, limit: limit)
                windowBits = 15
            } catch .tooLarge(let reached) {
                throw .tooLarge(reached)
            } catch {
                throw .corrupt(rawMessage)
            }
        }
        return try fill(input, windowBits: windowBits, size: size)
    }

    /// The inflated size of `input`, or `.tooLarge(limit + 1)` as soon as the output passes `limit`.
    private static func measure(_ input: ArraySlice<UInt8>, windowBits: Int32, limit: Int) throws(Failure) -> Int {
        var scratch = [UInt8](repeating: 0, count: scratchBytes)
        var produced = 0
        let outcome = scratch.withUnsafeMutableBufferPointer { target in
            InflateStream.run(input, windowBits: windowBits) { stream in
                while true {
                    // One byte past the cap is the most ever counted: it proves the cap exceeded.
                    let room = min(target.count, limit - produced + 1)
                    let (code, written) = stream.step(into: target.baseAddress, count: room)
                    produced += written
                    if produced > limit || code != Z_OK { return code }
                }
            }
        }
        if produced > limit { throw .tooLarge(limit + 1) }
        try outcome.check()
        return produced
    }

    /// Inflates `input`, already measured at `size` bytes, into an array of exactly that size.
    private static func fill(_ input: ArraySlice<UInt8>, windowBits: Int32, size: Int) throws(Failure) -> [UInt8] {
        var outcome = InflateStream.Outcome(status: Z_STREAM_ERROR, message: nil)
        // One byte at least, so that zlib always has an output address.
        let output = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { target, initialised in
            var written = 0
            outcome = InflateStream.run(input, windowBits: windowBits) { stream in
                while true {
                    let (code, count) = stream.step(
                        into: target.baseAddress.map { $0 + written }, count: size - written)
                    written += count
                    if code != Z_OK { return code }
                }
            }
            initialised = written == size ? written : 0
        }
        try outcome.check()
        guard output.count == size else { throw .corrupt("the deflate stream changed between two reads") }
        return output
    }
}

/// A zlib inflate stream over a byte slice, fed in pieces of at most 4 GiB - 1 (zlib's counts are
/// 32-bit).
struct InflateStream {
    /// How a run ended: zlib's status and its message, when it gave one.
    struct Outcome {
        let status: Int32
        let message: String?

        func check() throws(Inflate.Failure) {
            switch status {
            case Z_STREAM_END: return
            case Z_BUF_ERROR: throw .corrupt("the deflate stream ends early")
            default: throw .corrupt(message ?? "zlib status \(status)")
            }
        }
    }

    private var stream = z_stream()
    private let source: UnsafeBufferPointer<UInt8>
    private var consumed = 0

    private init(source: UnsafeBufferPointer<UInt8>) {
        self.source = source
    }

    /// Runs `body` on a stream reading `input`; the stream ends when `body` returns its last status.
    static func run(_ input: ArraySlice<UInt8>, windowBits: Int32, _ body: (inout InflateStream) -> Int32)
        -> Outcome
    {
        input.withUnsafeBufferPointer { source in
            var state = InflateStream(source: source)
            guard
                inflateInit2_(&state.stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
            else { return Outcome(status: Z_MEM_ERROR, message: "zlib could not be initialised") }
            defer { inflateEnd(&state.stream) }
            let status = body(&state)
            return Outcome(status: status, message: state.stream.msg.map { String(cString: $0) })
        }
    }

    /// One call of `inflate` writing at most `count` bytes (at most 4 GiB - 1) at `target`; returns
    /// zlib's status and the bytes written.
    mutating func step(into target: UnsafeMutablePointer<UInt8>?, count: Int) -> (Int32, Int) {
        if stream.avail_in == 0, consumed < source.count, let base = source.baseAddress {
            let piece = min(source.count - consumed, Int(UInt32.max))
            // zlib only reads through next_in.
            stream.next_in = UnsafeMutablePointer(mutating: base + consumed)
            stream.avail_in = UInt32(piece)
            consumed += piece
        }
        let room = min(count, Int(UInt32.max))
        stream.next_out = target
        stream.avail_out = UInt32(room)
        let code = CZlib.inflate(&stream, Z_NO_FLUSH)
        return (code, room - Int(stream.avail_out))
    }
}
