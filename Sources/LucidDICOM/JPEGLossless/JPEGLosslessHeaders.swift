/// The SOF3 frame header (T.81 B.2.2).
struct JPEGLosslessFrameHeader {
    struct Component {
        /// Component identifier Ci.
        let identifier: Int
        let horizontalSampling: Int
        let verticalSampling: Int
    }

    /// Sample precision P, 2...16 (T.81 Table B.2 for the lossless process).
    let precision: Int
    /// Number of lines Y.
    let height: Int
    /// Samples per line X.
    let width: Int
    let components: [Component]

    /// Parses and validates a frame header, rejecting frames whose sample count exceeds
    /// `maximumSampleCount` before anything is allocated.
    init(_ segment: inout JPEGSegmentReader, maximumSampleCount: Int) throws(JPEGDecodingError) {
        precision = try segment.readByte()
        height = try segment.readUInt16()
        width = try segment.readUInt16()
        let count = try segment.readByte()
        guard (2...16).contains(precision) else {
            throw segment.invalid("sample precision \(precision) is outside 2...16")
        }
        guard width > 0 else { throw segment.invalid("the number of samples per line is 0") }
        guard height > 0 else {
            throw .unsupported("frame height 0 with the height given by a DNL marker (T.81 B.2.5)")
        }
        guard count > 0 else { throw segment.invalid("the frame has no components") }
        guard count <= 4 else { throw .unsupported("\(count) components; at most 4 are supported") }
        guard segment.remaining == 3 * count else {
            throw segment.invalid("length does not match \(count) components (Lf = 8 + 3 x Nf)")
        }
        // width, height < 2^16 and count <= 4, so the product is below 2^34 and cannot overflow Int.
        guard width * height * count <= maximumSampleCount else {
            throw .imageTooLarge(width: width, height: height, components: count)
        }
        var components: [Component] = []
        for _ in 0..<count {
            let identifier = try segment.readByte()
            let sampling = try segment.readByte()
            _ = try segment.readByte()  // Tq: no quantization in lossless mode (T.81 B.2.2).
            guard !components.contains(where: { $0.identifier == identifier }) else {
                throw segment.invalid("component identifier \(identifier) occurs twice")
            }
            let horizontal = sampling >> 4, vertical = sampling & 0x0F
            guard (1...4).contains(horizontal), (1...4).contains(vertical) else {
                throw segment.invalid("sampling factors \(horizontal)x\(vertical) are outside 1...4")
            }
            if count > 1, horizontal != 1 || vertical != 1 {
                throw .unsupported("subsampled components (sampling factors \(horizontal)x\(vertical))")
            }
            components.append(
                Component(identifier: identifier, horizontalSampling: horizontal, verticalSampling: vertical))
        }
        self.components = components
    }
}

/// The scan header (T.81 B.2.3) with its lossless meaning (T.81 H.2.2).
struct JPEGLosslessScanHeader {
    struct Component {
        /// Index of the component in the frame header.
        let frameIndex: Int
        /// Huffman table destination Td.
        let tableID: Int
    }

    let components: [Component]
    /// Predictor selection value, Ss, 1...7 (T.81 Table H.1).
    let predictor: Int
    /// Point transform Pt, the Al field (T.81 H.1.2.3).
    let pointTransform: Int

    init(_ segment: inout JPEGSegmentReader, frame: JPEGLosslessFrameHeader) throws(JPEGDecodingError) {
        let count = try segment.readByte()
        guard (1...4).contains(count) else { throw segment.invalid("\(count) components in a scan; expected 1...4") }
        guard segment.remaining == 2 * count + 3 else {
            throw segment.invalid("length does not match \(count) components (Ls = 6 + 2 x Ns)")
        }
        var components: [Component] = []
        for _ in 0..<count {
            let identifier = try segment.readByte()
            let tables = try segment.readByte()
            guard let frameIndex = frame.components.firstIndex(where: { $0.identifier == identifier }) else {
                throw segment.invalid("component \(identifier) is not in the frame header")
            }
            guard !components.contains(where: { $0.frameIndex == frameIndex }) else {
                throw segment.invalid("component \(identifier) occurs twice")
            }
            let tableID = tables >> 4
            guard tableID <= 3 else { throw segment.invalid("Huffman table \(tableID) is outside 0...3") }
            components.append(Component(frameIndex: frameIndex, tableID: tableID))
        }
        predictor = try segment.readByte()
        _ = try segment.readByte()  // Se: unused in lossless mode (T.81 H.2.2).
        let approximation = try segment.readByte()
        pointTransform = approximation & 0x0F
        guard (1...7).contains(predictor) else {
            throw segment.invalid("predictor selection value \(predictor) is outside 1...7 (T.81 Table H.1)")
        }
        guard pointTransform < frame.precision else {
            throw segment.invalid("point transform \(pointTransform) is not below the precision \(frame.precision)")
        }
        self.components = components
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
