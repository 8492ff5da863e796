/// A Huffman table (T.81 Annex C) prepared for fast decoding: lossless difference categories
/// (T.81 H.1.2.2), DCT DC difference categories (F.1.2.1) or AC run/size symbols (F.1.2.2).
///
/// Codes of up to ``lookupBits`` bits are resolved with one table lookup; longer codes use the
/// MAXCODE / VALPTR / MINCODE procedure of T.81 F.2.2.3 (Figure F.16).
struct JPEGHuffmanTable: Sendable {
    /// Number of leading bits resolved by ``lookup``.
    static let lookupBits = 9

    /// Indexed by the next ``lookupBits`` bits of the stream: `codeLength << 8 | category` for a
    /// code of at most ``lookupBits`` bits, or 0 when the code is longer (or invalid). (`category`
    /// stands for whatever symbol the table codes.)
    let lookup: [UInt16]
    /// `maximumCode[l]`: the largest code of length `l` (1...16), or -1 when there is none
    /// (MAXCODE in T.81 F.2.2.3). Index 0 is unused.
    let maximumCode: [Int]
    /// `valueOffset[l]`: index into ``values`` of the first code of length `l`, minus that code
    /// (VALPTR − MINCODE in T.81 F.2.2.3).
    let valueOffset: [Int]
    /// HUFFVAL: the symbols (difference categories SSSS, or AC run/size bytes RRRRSSSS) in code order.
    let values: [UInt8]

    /// Builds the decoder tables from the 16 code-length counts (BITS, `L1...L16`) and the
    /// values (HUFFVAL) of a DHT segment (T.81 B.2.4.2), generating the codes as in T.81 C.2
    /// (Figures C.1 and C.2).
    ///
    /// Throws ``JPEGDecodingError/invalidHuffmanTable(_:)`` when the counts describe more codes
    /// than fit in their length (the code space would overflow) or when a value exceeds
    /// `largestValue`: 16 for lossless difference categories (T.81 Table H.2), 15 for DCT DC
    /// categories (T.81 F.1.2.1, 12-bit precision), 255 for AC run/size symbols.
    init(counts: [Int], values: [UInt8], largestValue: UInt8) throws(JPEGDecodingError) {
        guard counts.count == 16 else {
            throw .invalidHuffmanTable("expected 16 code-length counts, found \(counts.count)")
        }
        let total = counts.reduce(0, +)
        guard total == values.count, total <= 256 else {
            throw .invalidHuffmanTable("code-length counts add up to \(total) but \(values.count) values follow")
        }
        if let badValue = values.first(where: { $0 > largestValue }) {
            throw .invalidHuffmanTable(
                "value \(badValue) exceeds \(largestValue), the largest difference category of this table's use "
                    + "(T.81 Tables H.2 and F.1)")
        }
        var lookup = [UInt16](repeating: 0, count: 1 << Self.lookupBits)
        var maximumCode = [Int](repeating: -1, count: 17)
        var valueOffset = [Int](repeating: 0, count: 17)
        var code = 0
        var valueIndex = 0
        for length in 1...16 {
            let count = counts[length - 1]
            if count > 0 {
                // Codes of this length are code ..< code + count; they must fit in `length` bits.
                guard code + count <= 1 << length else {
                    throw .invalidHuffmanTable("too many codes of length \(length) for the code space (T.81 C.2)")
                }
                valueOffset[length] = valueIndex - code
                maximumCode[length] = code + count - 1
                if length <= Self.lookupBits {
                    let spread = Self.lookupBits - length
                    for index in 0..<count {
                        let entry = UInt16(length << 8) | UInt16(values[valueIndex + index])
                        let first = (code + index) << spread
                        for slot in first..<(first + (1 << spread)) {
                            lookup[slot] = entry
                        }
                    }
                }
                code += count
                valueIndex += count
            }
            code <<= 1
        }
        self.lookup = lookup
        self.maximumCode = maximumCode
        self.valueOffset = valueOffset
        self.values = values
    }
}
