/// Decodes the entropy-coded data of one lossless scan and reconstructs its samples with the
/// predictors of T.81 H.1.2.1.
enum JPEGLosslessScanDecoder {
    /// Everything a scan needs besides the codestream.
    struct Parameters {
        let frame: JPEGLosslessFrameHeader
        let scan: JPEGLosslessScanHeader
        /// The Huffman table of each scan component, in scan order.
        let tables: [JPEGHuffmanTable]
        /// Restart interval Ri in MCUs (one pixel of every scan component), 0 for none (T.81 B.2.4.4).
        let restartInterval: Int
    }

    /// Decodes the scan whose entropy-coded data starts at `start` into `samples`, which is laid out
    /// as in ``JPEGLosslessImage/samples``. The reconstructed values are stored before the point
    /// transform; the caller shifts them (T.81 H.1.2.3).
    ///
    /// Prediction (T.81 H.1.2.1, Table H.1): the first sample of the scan and of every restart
    /// interval is predicted by 2^(P−Pt−1); the rest of that first line uses Ra (the sample to the
    /// left); the first sample of every other line uses Rb (the sample above); all other samples use
    /// the scan's predictor. Reconstruction is modulo 2^16 (T.81 H.1.2.2).
    ///
    /// Returns the offset at which to look for the marker that follows the scan.
    static func decode(
        _ bytes: [UInt8], start: Int, parameters: Parameters, into samples: inout [UInt16]
    ) throws(JPEGDecodingError) -> Int {
        let frame = parameters.frame, scan = parameters.scan, tables = parameters.tables
        let width = frame.width, height = frame.height
        let componentCount = frame.components.count
        let rowStride = width * componentCount
        let offsets = scan.components.map(\.frameIndex)
        let scanComponentCount = offsets.count
        let predictor = scan.predictor
        let initialPrediction = 1 << (frame.precision - scan.pointTransform - 1)
        let restartInterval = parameters.restartInterval

        var reader = JPEGBitReader(bytes: bytes, start: start)
        var mcusUntilRestart = restartInterval
        var expectedRestart = 0
        // The line predicted with Ra only: the first line of the scan or of the restart interval.
        var firstLine = 0
        // True for the first MCU of the scan or of a restart interval.
        var atIntervalStart = true

        for y in 0..<height {
            let rowStart = y * rowStride
            for x in 0..<width {
                if restartInterval > 0 {
                    if mcusUntilRestart == 0 {
                        try reader.readRestartMarker(expected: &expectedRestart)
                        mcusUntilRestart = restartInterval
                        atIntervalStart = true
                        firstLine = y
                    }
                    mcusUntilRestart -= 1
                }
                let pixelStart = rowStart + x * componentCount
                for scanIndex in 0..<scanComponentCount {
                    let difference = try reader.decodeDifference(with: tables[scanIndex])
                    let index = pixelStart + offsets[scanIndex]
                    let prediction: Int
                    if atIntervalStart {
                        prediction = initialPrediction
                    } else if y == firstLine {
                        // x > 0 here: the first sample of a first line is always an interval start.
                        prediction = Int(samples[index - componentCount])
                    } else if x == 0 {
                        // y > firstLine >= 0 here, so the line above exists.
                        prediction = Int(samples[index - rowStride])
                    } else {
                        prediction = predict(
                            predictor, samples: samples, index: index,
                            left: componentCount, up: rowStride)
                    }
                    // Modulo 2^16 (T.81 H.1.2.2): keep the low 16 bits.
                    samples[index] = UInt16(truncatingIfNeeded: prediction + difference)
                }
                atIntervalStart = false
            }
            if reader.hasReadPastData { throw .truncated(offset: reader.position) }
        }
        return reader.position
    }

    /// The prediction Px of T.81 Table H.1 for selection value `predictor`, from Ra (left), Rb
    /// (above) and Rc (above left). Needs x > 0 and y > 0.
    @inline(__always)
    private static func predict(_ predictor: Int, samples: [UInt16], index: Int, left: Int, up: Int) -> Int {
        switch predictor {
        case 1:
            return Int(samples[index - left])
        case 2:
            return Int(samples[index - up])
        case 3:
            return Int(samples[index - up - left])
        default:
            let ra = Int(samples[index - left]), rb = Int(samples[index - up]), rc = Int(samples[index - up - left])
            switch predictor {
            case 4: return ra + rb - rc
            case 5: return ra + ((rb - rc) >> 1)
            case 6: return rb + ((ra - rc) >> 1)
            default: return (ra + rb) >> 1
            }
        }
    }
}
