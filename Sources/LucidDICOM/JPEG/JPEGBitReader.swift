/// Reads the entropy-coded data of a scan bit by bit, most significant bit first (T.81 F.2.2.5),
/// and decodes Huffman-coded lossless differences (T.81 H.1.2.2) and DCT coefficients (T.81 F.2.2).
///
/// Stuffed zero bytes after 0xFF (T.81 F.1.2.3) are removed and fill bytes 0xFF before a marker
/// are skipped (T.81 B.1.1.2). Reading stops at the first marker or at the end of the data; from
/// then on zero bits are supplied so that the hot path never tests for the end, and
/// ``hasReadPastData`` reports whether any of those supplied bits were actually consumed.
struct JPEGBitReader {
    /// The whole codestream.
    private let bytes: [UInt8]
    /// Offset of the next byte to load into ``buffer``.
    private(set) var position: Int
    /// Unconsumed bits are the low ``bitCount`` bits, oldest first from the most significant end.
    private var buffer: UInt64 = 0
    /// Number of valid bits in ``buffer``; at most 64.
    private var bitCount = 0
    /// How many of the ``bitCount`` bits are zero padding beyond the end of the scan data.
    private var paddingBits = 0
    /// True once a marker or the end of the codestream has been reached.
    private var reachedEnd = false

    /// Starts reading entropy-coded data at `start`.
    init(bytes: [UInt8], start: Int) {
        self.bytes = bytes
        self.position = start
    }

    /// True when more bits were consumed than the scan data holds, i.e. the data is truncated.
    var hasReadPastData: Bool { bitCount < paddingBits }

    /// An estimate of the byte offset of the next unconsumed bit, for error messages.
    var approximateOffset: Int { max(0, position - max(0, bitCount - paddingBits) / 8) }

    /// Decodes one Huffman-coded difference category SSSS and its additional bits and returns the
    /// difference value (T.81 H.1.2.2, Table H.2; F.2.2.1 for the sign extension). Also decodes
    /// DCT DC differences (T.81 F.2.2.1), whose tables hold categories 0...15 only.
    @inline(__always)
    mutating func decodeDifference(with table: JPEGHuffmanTable) throws(JPEGDecodingError) -> Int {
        // A code takes at most 16 bits and its additional bits at most 15 (category 16 has none),
        // so 31 buffered bits always suffice for one difference.
        if bitCount < 31 { refill() }
        let category = try decodeBufferedSymbol(with: table)
        switch category {
        case 0:
            return 0
        case 16:
            // T.81 H.1.2.2: category 16 has no additional bits and stands for the difference 32768.
            return 32768
        default:
            return takeExtended(category)
        }
    }

    /// Decodes one AC symbol RRRRSSSS and, when SSSS > 0, its SSSS additional bits (T.81 F.2.2.2,
    /// Figure F.14). Returns the symbol and the coefficient value (0 when SSSS is 0: EOB or ZRL).
    @inline(__always)
    mutating func decodeACCoefficient(with table: JPEGHuffmanTable) throws(JPEGDecodingError) -> (
        symbol: Int, value: Int
    ) {
        // At most 16 bits of code and 15 additional bits.
        if bitCount < 31 { refill() }
        let symbol = try decodeBufferedSymbol(with: table)
        let size = symbol & 0x0F
        return (symbol, size == 0 ? 0 : takeExtended(size))
    }

    /// Decodes the next Huffman code from the buffer, which must hold at least 16 bits.
    @inline(__always)
    private mutating func decodeBufferedSymbol(with table: JPEGHuffmanTable) throws(JPEGDecodingError) -> Int {
        let entry = Int(table.lookup[peek(JPEGHuffmanTable.lookupBits)])
        if entry != 0 {
            bitCount -= entry >> 8
            return entry & 0xFF
        }
        return try decodeLongCode(with: table)
    }

    /// Consumes `count` (1...15) buffered bits and applies EXTEND (T.81 F.2.2.1): values below
    /// 2^(count-1) encode negative numbers.
    @inline(__always)
    private mutating func takeExtended(_ count: Int) -> Int {
        let bits = peek(count)
        bitCount -= count
        return bits < 1 << (count - 1) ? bits - (1 << count) + 1 : bits
    }

    /// The next `count` bits (1...32) as an integer, without consuming them; needs `bitCount >= count`.
    @inline(__always)
    private func peek(_ count: Int) -> Int {
        Int(truncatingIfNeeded: buffer >> UInt64(bitCount - count)) & ((1 << count) - 1)
    }

    /// Decodes a code longer than the lookup table covers with the procedure of T.81 F.2.2.3
    /// (Figure F.16): the code of length `l` is valid when it does not exceed MAXCODE(l).
    private mutating func decodeLongCode(with table: JPEGHuffmanTable) throws(JPEGDecodingError) -> Int {
        for length in (JPEGHuffmanTable.lookupBits + 1)...16 {
            let code = peek(length)
            if code <= table.maximumCode[length] {
                bitCount -= length
                return Int(table.values[code + table.valueOffset[length]])
            }
        }
        throw .invalidCode(offset: approximateOffset)
    }

    /// Loads whole bytes until more than 56 bits are buffered, removing stuffed zero bytes and
    /// stopping at a marker (T.81 F.1.2.3, B.1.1.2).
    @inline(never)
    private mutating func refill() {
        while bitCount <= 56 {
            var byte: UInt8 = 0
            if !reachedEnd, position < bytes.count {
                byte = bytes[position]
                if byte == 0xFF {
                    var next = position + 1
                    while next < bytes.count, bytes[next] == 0xFF { next += 1 }
                    if next < bytes.count, bytes[next] == 0x00 {
                        position = next + 1
                    } else {
                        reachedEnd = true
                        byte = 0
                        paddingBits += 8
                    }
                } else {
                    position += 1
                }
            } else {
                reachedEnd = true
                paddingBits += 8
            }
            buffer = buffer << 8 | UInt64(byte)
            bitCount += 8
        }
    }

    /// Discards the buffered bits (the rest of the current byte is padding, T.81 F.1.2.3) and
    /// continues reading entropy-coded data at `start`, as after a restart marker (T.81 E.2.4).
    mutating func resume(at start: Int) {
        position = start
        buffer = 0
        bitCount = 0
        paddingBits = 0
        reachedEnd = false
    }

    /// Ends a restart interval: the next marker must be RSTm with m counting 0...7 modulo 8
    /// (T.81 B.2.1, E.2.4); decoding continues after it with fresh bit buffering (T.81 F.2.2.5).
    mutating func readRestartMarker(expected: inout Int) throws(JPEGDecodingError) {
        if hasReadPastData { throw .truncated(offset: position) }
        guard let marker = JPEGMarker.find(in: bytes, from: position) else {
            throw .truncated(offset: bytes.count)
        }
        guard JPEGMarker.isRestart(marker.code) else { throw .truncated(offset: marker.offset) }
        guard Int(marker.code - JPEGMarker.firstRestart) == expected else {
            throw .unexpectedMarker(marker: marker.code, offset: marker.offset)
        }
        expected = (expected + 1) & 7
        resume(at: marker.offset + 2)
    }
}
