/// A small, deliberately simple JPEG Lossless (T.81 Annex H) encoder used to build test streams
/// with every predictor, point transforms, restart intervals, several components and scans.
///
/// Predictions are computed from pixel coordinates (not from decoder-like running state), so the
/// encoder is an independent reading of T.81 H.1.2.1.
struct JPEGLosslessTestEncoder {
    var width: Int
    var height: Int
    var components: Int
    var precision: Int
    var predictor = 1
    var pointTransform = 0
    var restartInterval = 0
    /// One scan per component instead of one interleaved scan.
    var separateScans = false
    /// Extra 0xFF fill bytes written before every RST marker (T.81 B.1.1.2).
    var fillBytesBeforeRestart = 0

    /// Code lengths 2, 2, 3, 4, ..., 15, 16, 16 for categories 0...16: long codes exercise the
    /// decoder's slow path.
    static let staircaseCounts = [0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]
    /// Seventeen 5-bit codes.
    static let flatCounts = [0, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]

    /// Encodes `samples` (interleaved, row-major, `precision`-bit). Component `c` uses Huffman
    /// table `c % 2`: table 0 is the staircase table, table 1 the flat one.
    func encode(_ samples: [UInt16]) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xD8]
        out += segment(0xFE, Array("test stream".utf8))
        var tables: [UInt8] = []
        for (id, counts) in [Self.staircaseCounts, Self.flatCounts].enumerated() {
            tables += [UInt8(id)] + counts.map(UInt8.init) + (0...16).map(UInt8.init)
        }
        out += segment(0xC4, tables)
        if restartInterval > 0 { out += segment(0xDD, [UInt8(restartInterval >> 8), UInt8(restartInterval & 0xFF)]) }
        var frame: [UInt8] = [
            UInt8(precision), UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF),
            UInt8(components),
        ]
        for c in 0..<components { frame += [UInt8(c + 1), 0x11, 0] }
        out += segment(0xC3, frame)
        let scans = separateScans ? (0..<components).map { [$0] } : [Array(0..<components)]
        for scan in scans {
            var header: [UInt8] = [UInt8(scan.count)]
            for c in scan { header += [UInt8(c + 1), UInt8((c % 2) << 4)] }
            header += [UInt8(predictor), 0, UInt8(pointTransform)]
            out += segment(0xDA, header)
            out += entropyCodedData(samples, scan: scan)
        }
        return out + [0xFF, 0xD9]
    }

    private func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    /// The prediction for component `c` at (x, y) from the shifted samples (T.81 H.1.2.1, Table H.1).
    private func prediction(_ values: [Int], x: Int, y: Int, c: Int) -> Int {
        let mcu = y * width + x
        let intervalStart = restartInterval > 0 ? mcu / restartInterval * restartInterval : 0
        if mcu == intervalStart { return 1 << (precision - pointTransform - 1) }
        let at = { (x: Int, y: Int) in values[(y * width + x) * components + c] }
        if y == intervalStart / width { return at(x - 1, y) }
        if x == 0 { return at(x, y - 1) }
        let (ra, rb, rc) = (at(x - 1, y), at(x, y - 1), at(x - 1, y - 1))
        switch predictor {
        case 1: return ra
        case 2: return rb
        case 3: return rc
        case 4: return ra + rb - rc
        case 5: return ra + ((rb - rc) >> 1)
        case 6: return rb + ((ra - rc) >> 1)
        default: return (ra + rb) / 2
        }
    }

    private func entropyCodedData(_ samples: [UInt16], scan: [Int]) -> [UInt8] {
        let values = samples.map { Int($0) >> pointTransform }
        let codes = [Self.codes(Self.staircaseCounts), Self.codes(Self.flatCounts)]
        var writer = BitWriter()
        var restartIndex = 0
        for y in 0..<height {
            for x in 0..<width {
                let mcu = y * width + x
                if restartInterval > 0, mcu > 0, mcu % restartInterval == 0 {
                    writer.padToByte()
                    writer.bytes += [UInt8](repeating: 0xFF, count: fillBytesBeforeRestart)
                    writer.bytes += [0xFF, 0xD0 + UInt8(restartIndex)]
                    restartIndex = (restartIndex + 1) % 8
                }
                for c in scan {
                    var difference = (values[mcu * components + c] - prediction(values, x: x, y: y, c: c)) & 0xFFFF
                    if difference > 32768 { difference -= 65536 }
                    let category = difference == 0 ? 0 : Int.bitWidth - abs(difference).leadingZeroBitCount
                    let code = codes[c % 2][category]
                    writer.write(code.bits, count: code.length)
                    if category > 0 && category < 16 {
                        writer.write(difference > 0 ? difference : difference - 1, count: category)
                    }
                }
            }
        }
        writer.padToByte()
        return writer.bytes
    }

    /// Codes for categories 0...16 generated as in T.81 C.2.
    private static func codes(_ counts: [Int]) -> [(bits: Int, length: Int)] {
        var result: [(bits: Int, length: Int)] = []
        var code = 0
        for length in 1...16 {
            for _ in 0..<counts[length - 1] {
                result.append((code, length))
                code += 1
            }
            code <<= 1
        }
        return result
    }

    /// MSB-first bit packing with 0xFF byte stuffing (T.81 F.1.2.3) and 1-bit padding.
    private struct BitWriter {
        var bytes: [UInt8] = []
        var accumulator = 0
        var count = 0

        mutating func write(_ bits: Int, count bitCount: Int) {
            for shift in stride(from: bitCount - 1, through: 0, by: -1) {
                accumulator = accumulator << 1 | (bits >> shift) & 1
                count += 1
                if count == 8 { flushByte() }
            }
        }

        mutating func padToByte() {
            while count != 0 { write(1, count: 1) }
        }

        private mutating func flushByte() {
            bytes.append(UInt8(accumulator))
            if accumulator == 0xFF { bytes.append(0) }
            accumulator = 0
            count = 0
        }
    }
}
