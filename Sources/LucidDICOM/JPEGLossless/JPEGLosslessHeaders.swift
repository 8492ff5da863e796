/// The SOF3 frame header (T.81 B.2.2).
struct JPEGLosslessFrameHeader: JPEGFrame {
    let header: JPEGFrameHeader

    /// Accepts 2...16 bits (T.81 Table B.2 for the lossless process).
    static func checkPrecision(_ precision: Int, segment: JPEGSegmentReader) throws(JPEGDecodingError) {
        guard (2...16).contains(precision) else {
            throw segment.invalid("sample precision \(precision) is outside 2...16")
        }
    }

    /// Refuses subsampled components when there is more than one.
    static func checkComponent(_ component: JPEGFrameHeader.Component, count: Int, segment _: JPEGSegmentReader)
        throws(JPEGDecodingError)
    {
        let horizontal = component.horizontalSampling, vertical = component.verticalSampling
        if count > 1, horizontal != 1 || vertical != 1 {
            throw .unsupported("subsampled components (sampling factors \(horizontal)x\(vertical))")
        }
    }
}

/// A component of a lossless scan.
struct JPEGLosslessScanComponent {
    /// Index of the component in the frame header.
    let frameIndex: Int
    /// Huffman table destination Td.
    let tableID: Int
}

/// The scan header (T.81 B.2.3) with its lossless meaning (T.81 H.2.2); Se and Ah are not used.
typealias JPEGLosslessScanHeader = JPEGScanHeader<JPEGLosslessScanComponent>

extension JPEGScanHeader<JPEGLosslessScanComponent> {
    /// Predictor selection value, Ss, 1...7 (T.81 Table H.1).
    var predictor: Int { spectralStart }
    /// Point transform Pt, the Al field (T.81 H.1.2.3).
    var pointTransform: Int { approximation & 0x0F }

    /// Parses and validates the scan header in `segment`, of a scan of `frame`.
    init(_ segment: inout JPEGSegmentReader, frame: JPEGLosslessFrameHeader) throws(JPEGDecodingError) {
        try self.init(&segment, frame: frame) { frameIndex, tables, segment throws(JPEGDecodingError) in
            let tableID = tables >> 4
            guard tableID <= 3 else { throw segment.invalid("Huffman table \(tableID) is outside 0...3") }
            return JPEGLosslessScanComponent(frameIndex: frameIndex, tableID: tableID)
        }
        guard (1...7).contains(predictor) else {
            throw segment.invalid("predictor selection value \(predictor) is outside 1...7 (T.81 Table H.1)")
        }
        guard pointTransform < frame.precision else {
            throw segment.invalid("point transform \(pointTransform) is not below the precision \(frame.precision)")
        }
    }
}

enum JPEGLosslessTableSegment {
    /// Parses a DHT segment (T.81 B.2.4.2) into `tables`, indexed by destination Th. Tables of class
    /// 1 (AC) are checked for length but not kept: lossless scans use class 0 tables (T.81 H.2.2).
    static func readHuffmanTables(
        _ segment: inout JPEGSegmentReader, into tables: inout [JPEGHuffmanTable?]
    ) throws(JPEGDecodingError) {
        try JPEGTableSegment.readHuffmanTables(&segment) {
            tableClass, tableID, counts, values throws(JPEGDecodingError) in
            if tableClass == 0 {
                tables[tableID] = try JPEGHuffmanTable(counts: counts, values: values, largestValue: 16)
            }
        }
    }
}
