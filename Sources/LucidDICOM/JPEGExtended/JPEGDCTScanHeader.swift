/// A component of a DCT-based sequential scan.
struct JPEGDCTScanComponent {
    /// Index of the component in the frame header.
    let frameIndex: Int
    /// DC and AC Huffman table destinations Tdj and Taj, 0...3.
    let dcTableID: Int
    let acTableID: Int
}

/// The scan header (T.81 B.2.3) of a DCT-based sequential scan.
///
/// Sequential scans must have Ss = 0, Se = 63 and Ah = Al = 0 (T.81 Table B.3). A scan with other
/// values is refused, as the 8-bit path through libjpeg (in strict mode) refuses what libjpeg only
/// warns about: a stream that breaks the standard is reported, not guessed at.
typealias JPEGDCTScanHeader = JPEGScanHeader<JPEGDCTScanComponent>

extension JPEGScanHeader<JPEGDCTScanComponent> {
    /// Parses and validates the scan header in `segment`, of a scan of `frame`.
    init(_ segment: inout JPEGSegmentReader, frame: JPEGDCTFrameHeader) throws(JPEGDecodingError) {
        try self.init(&segment, frame: frame) { frameIndex, tables, segment throws(JPEGDecodingError) in
            let dc = tables >> 4, ac = tables & 0x0F
            guard dc <= 3, ac <= 3 else { throw segment.invalid("Huffman tables \(dc)/\(ac) are outside 0...3") }
            return JPEGDCTScanComponent(frameIndex: frameIndex, dcTableID: dc, acTableID: ac)
        }
        guard spectralStart == 0, spectralEnd == 63, approximation == 0 else {
            throw segment.invalid(
                "scan parameters Ss=\(spectralStart) Se=\(spectralEnd) Ah/Al=\(approximation); a sequential DCT "
                    + "scan needs Ss=0, Se=63, Ah=Al=0 (T.81 Table B.3)")
        }
        if components.count > 1 {
            // T.81 B.2.3: an interleaved MCU holds at most 10 blocks.
            let blocks = components.reduce(0) {
                $0 + frame.components[$1.frameIndex].horizontalSampling
                    * frame.components[$1.frameIndex].verticalSampling
            }
            guard blocks <= 10 else { throw segment.invalid("an MCU of \(blocks) blocks exceeds 10 (T.81 B.2.3)") }
        }
    }
}

/// The table-defining segments a DCT-based sequential decoder reads (T.81 B.2.4).
enum JPEGDCTTableSegment {
    /// Parses a DQT segment (T.81 B.2.4.1): 8-bit (Pq = 0) or 16-bit (Pq = 1) tables, stored by
    /// destination Tq in natural (row-major) order rather than the zig-zag order of the segment.
    static func readQuantizationTables(
        _ segment: inout JPEGSegmentReader, into tables: inout [[Int]?]
    ) throws(JPEGDecodingError) {
        while segment.remaining > 0 {
            let precisionAndID = try segment.readByte()
            let elementPrecision = precisionAndID >> 4, tableID = precisionAndID & 0x0F
            guard elementPrecision <= 1, tableID <= 3 else {
                throw segment.invalid("quantization table precision \(elementPrecision), destination \(tableID)")
            }
            var table = [Int](repeating: 0, count: 64)
            for index in 0..<64 {
                table[JPEGZigZag.naturalOrder[index]] =
                    elementPrecision == 0 ? try segment.readByte() : try segment.readUInt16()
            }
            tables[tableID] = table
        }
    }

    /// Parses a DHT segment (T.81 B.2.4.2) into the DC (class 0) and AC (class 1) tables, indexed
    /// by destination Th. DC tables may hold categories 0...15 (T.81 F.1.2.1, 12-bit precision).
    static func readHuffmanTables(
        _ segment: inout JPEGSegmentReader, dc: inout [JPEGHuffmanTable?], ac: inout [JPEGHuffmanTable?]
    ) throws(JPEGDecodingError) {
        try JPEGTableSegment.readHuffmanTables(&segment) {
            tableClass, tableID, counts, values throws(JPEGDecodingError) in
            if tableClass == 0 {
                dc[tableID] = try JPEGHuffmanTable(counts: counts, values: values, largestValue: 15)
            } else {
                ac[tableID] = try JPEGHuffmanTable(counts: counts, values: values, largestValue: 255)
            }
        }
    }
}

/// The zig-zag sequence of DCT coefficients (T.81 A.3.6, Figure A.6).
enum JPEGZigZag {
    /// `naturalOrder[k]` is the row-major index (row × 8 + column) of the k-th coefficient in
    /// zig-zag order.
    static let naturalOrder: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ]
}
