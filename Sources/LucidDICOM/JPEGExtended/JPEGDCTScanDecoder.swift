/// Decodes the Huffman-coded blocks of one DCT-based sequential scan (T.81 F.2.2) and writes
/// their inverse transforms into the component sample planes.
enum JPEGDCTScanDecoder {
    /// Everything a scan needs besides the codestream, per scan component in scan order.
    struct Parameters {
        let frame: JPEGDCTFrameHeader
        let scan: JPEGDCTScanHeader
        let dcTables: [JPEGHuffmanTable]
        let acTables: [JPEGHuffmanTable]
        /// Quantization tables in natural order.
        let quantization: [[Int]]
        /// Restart interval Ri in MCUs, 0 for none (T.81 B.2.4.4).
        let restartInterval: Int
    }

    /// Decodes the scan whose entropy-coded data starts at `start` into `planes`, where the plane
    /// of frame component `c` starts at `planes.offsets[c]` and is `planes.strides[c]` samples wide.
    ///
    /// An interleaved scan (Ns > 1) codes MCUs of Hi × Vi blocks per component over the whole MCU
    /// grid; a non-interleaved scan codes one block per MCU over ceil(width/8) × ceil(height/8)
    /// blocks of its component (T.81 A.2.2, A.2.3). DC predictions restart at 0 at the start of
    /// the scan and of every restart interval (T.81 F.2.1.3.1, E.2.4).
    ///
    /// Returns the offset at which to look for the marker that follows the scan.
    static func decode(
        _ bytes: [UInt8], start: Int, parameters: Parameters, into planes: inout JPEGComponentPlanes
    ) throws(JPEGDecodingError) -> Int {
        let frame = parameters.frame, scan = parameters.scan
        let scanCount = scan.components.count
        let interleaved = scanCount > 1
        let frameComponents = scan.components.map { frame.components[$0.frameIndex] }
        let horizontal = frameComponents.map { interleaved ? $0.horizontalSampling : 1 }
        let vertical = frameComponents.map { interleaved ? $0.verticalSampling : 1 }
        let mcusPerLine = interleaved ? frame.mcusPerLine : (frame.width(of: frameComponents[0]) + 7) / 8
        let mcuRows = interleaved ? frame.mcuRows : (frame.height(of: frameComponents[0]) + 7) / 8
        let offsets = scan.components.map { planes.offsets[$0.frameIndex] }
        let strides = scan.components.map { planes.strides[$0.frameIndex] }

        var reader = JPEGBitReader(bytes: bytes, start: start)
        var transform = JPEGInverseDCT(precision: frame.precision)
        var coefficients = [Int](repeating: 0, count: 64)
        var predictions = [Int](repeating: 0, count: scanCount)
        let restartInterval = parameters.restartInterval
        var mcusUntilRestart = restartInterval
        var expectedRestart = 0

        for mcuRow in 0..<mcuRows {
            for mcuColumn in 0..<mcusPerLine {
                if restartInterval > 0 {
                    if mcusUntilRestart == 0 {
                        try reader.readRestartMarker(expected: &expectedRestart)
                        mcusUntilRestart = restartInterval
                        for index in 0..<scanCount { predictions[index] = 0 }
                    }
                    mcusUntilRestart -= 1
                }
                for index in 0..<scanCount {
                    let stride = strides[index]
                    for blockRow in 0..<vertical[index] {
                        let y = (mcuRow * vertical[index] + blockRow) * 8
                        for blockColumn in 0..<horizontal[index] {
                            let x = (mcuColumn * horizontal[index] + blockColumn) * 8
                            let origin = offsets[index] + y * stride + x
                            let hasAC = try decodeBlock(
                                &reader, dcTable: parameters.dcTables[index], acTable: parameters.acTables[index],
                                quantization: parameters.quantization[index], prediction: &predictions[index],
                                into: &coefficients)
                            if hasAC {
                                transform.transform(coefficients, into: &planes.samples, at: origin, stride: stride)
                                for position in 0..<64 { coefficients[position] = 0 }
                            } else {
                                transform.transformDCOnly(
                                    coefficients[0], into: &planes.samples, at: origin, stride: stride)
                            }
                        }
                    }
                }
            }
            if reader.hasReadPastData { throw .truncated(offset: reader.position) }
        }
        return reader.position
    }

    /// Decodes one block's DC difference and AC coefficients (T.81 F.2.2.1, F.2.2.2), storing
    /// them dequantized in natural order into `coefficients` (all zero on entry). Coefficients
    /// are truncated to 16 bits before dequantization, as libjpeg's JCOEF does. Returns whether
    /// any AC coefficient was coded.
    @inline(__always)
    private static func decodeBlock(
        _ reader: inout JPEGBitReader, dcTable: JPEGHuffmanTable, acTable: JPEGHuffmanTable,
        quantization: [Int], prediction: inout Int, into coefficients: inout [Int]
    ) throws(JPEGDecodingError) -> Bool {
        prediction = prediction &+ (try reader.decodeDifference(with: dcTable))
        coefficients[0] = Int(Int16(truncatingIfNeeded: prediction)) &* quantization[0]
        var hasAC = false
        var index = 1
        while index < 64 {
            let coded = try reader.decodeACCoefficient(with: acTable)
            let run = coded.symbol >> 4
            if coded.symbol & 0x0F == 0 {
                // EOB ends the block; ZRL (run 15, size 0) skips 16 zero coefficients.
                guard run == 15 else { break }
                index += 16
                continue
            }
            index += run
            guard index < 64 else { throw .invalidCode(offset: reader.approximateOffset) }
            let position = JPEGZigZag.naturalOrder[index]
            coefficients[position] = coded.value &* quantization[position]
            hasAC = true
            index += 1
        }
        return hasAC
    }
}

/// The decoded samples of every frame component, each in its own plane of whole blocks.
struct JPEGComponentPlanes {
    /// All planes, one after another.
    var samples: [UInt16]
    /// Where each frame component's plane starts in ``samples``.
    let offsets: [Int]
    /// Each plane's width in samples: 8 × the component's blocks per line.
    let strides: [Int]

    /// Allocates zeroed planes covering the interleaved MCU grid of every component.
    init(frame: JPEGDCTFrameHeader) {
        var offsets: [Int] = [], strides: [Int] = [], total = 0
        for component in frame.components {
            offsets.append(total)
            strides.append(frame.blocksPerLine(of: component) * 8)
            total += frame.blocksPerLine(of: component) * 8 * frame.blockRows(of: component) * 8
        }
        self.offsets = offsets
        self.strides = strides
        samples = [UInt16](repeating: 0, count: total)
    }
}
