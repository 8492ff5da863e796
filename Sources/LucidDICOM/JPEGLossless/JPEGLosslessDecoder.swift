/// A decoder for JPEG Lossless, the non-hierarchical lossless Huffman process (ITU-T T.81
/// Annex H, "Process 14", frame marker SOF3), as used by the DICOM transfer syntaxes
/// 1.2.840.10008.1.2.4.57 (any predictor) and 1.2.840.10008.1.2.4.70 (predictor 1).
///
/// Supported: 2...16-bit precision; 1...4 components in one interleaved scan or in several scans
/// (all components at full resolution when there is more than one); predictors 1...7; point
/// transform; up to four Huffman tables; restart intervals. Not supported: arithmetic coding,
/// hierarchical and DCT processes, a height given by DNL, and subsampled components.
public enum JPEGLosslessDecoder {
    /// Decodes the JPEG codestream `bytes` (from SOI, T.81 B.2.1) into its samples.
    ///
    /// Hostile input never traps: every field is validated before use; the sample buffer is
    /// allocated once, at the first scan, from the validated frame size (at most
    /// `maximumSampleCount`, itself capped at ``JPEGLosslessImage/maximumSampleCount``) and only when
    /// the remaining data could hold at least one bit per sample; every failure is reported as a
    /// ``JPEGDecodingError`` with its byte offset.
    /// - Parameter maximumSampleCount: the most `width * height * components` the frame header may
    ///   declare, e.g. the frame size a DICOM header announces.
    public static func decode(
        _ bytes: [UInt8], maximumSampleCount: Int = JPEGLosslessImage.maximumSampleCount
    ) throws(JPEGDecodingError) -> JPEGLosslessImage {
        var progress = JPEGFrameProgress<JPEGLosslessFrameHeader>()
        var samples: [UInt16] = []
        var tables = [JPEGHuffmanTable?](repeating: nil, count: 4)
        var restartInterval = 0
        return try JPEGSegmentWalker.walk(bytes) { segment throws(JPEGDecodingError) in
            switch segment.marker {
            case JPEGMarker.losslessHuffmanFrame:
                try progress.readFrame(&segment, maximumSampleCount: maximumSampleCount)
            case let code where JPEGMarker.isStartOfFrame(code):
                throw .notLossless(marker: code)
            case JPEGMarker.defineHuffmanTables:
                try JPEGLosslessTableSegment.readHuffmanTables(&segment, into: &tables)
            case JPEGMarker.defineRestartInterval:
                restartInterval = try JPEGTableSegment.readRestartInterval(&segment)
            case JPEGMarker.startOfScan:
                let frame = try progress.frame(forScan: segment)
                let scan = try JPEGLosslessScanHeader(&segment, frame: frame)
                var scanTables: [JPEGHuffmanTable] = []
                for component in scan.components {
                    try progress.checkNotDecoded(component.frameIndex, scan: segment)
                    guard let table = tables[component.tableID] else {
                        throw .missingHuffmanTable(tableID: component.tableID, offset: segment.markerOffset)
                    }
                    scanTables.append(table)
                }
                // The frame header capped width * height * components at maximumSampleCount.
                let sampleCount = frame.width * frame.height * frame.components.count
                // Every sample costs at least one bit of Huffman code (code lengths are 1...16, T.81
                // C.2), so shorter data cannot hold the scan; checking first avoids a useless allocation.
                guard frame.width * frame.height * scan.components.count <= 8 * (bytes.count - segment.end) else {
                    throw .truncated(offset: bytes.count)
                }
                if samples.count != sampleCount { samples = [UInt16](repeating: 0, count: sampleCount) }
                let parameters = JPEGLosslessScanDecoder.Parameters(
                    frame: frame, scan: scan, tables: scanTables, restartInterval: restartInterval)
                let end = try JPEGLosslessScanDecoder.decode(
                    bytes, start: segment.end, parameters: parameters, into: &samples)
                applyPointTransform(scan, componentCount: frame.components.count, to: &samples)
                guard progress.markDecoded(scan.components.map(\.frameIndex)) else { return .resume(at: end) }
                // Everything after the last scan (normally just EOI) is irrelevant to the image.
                return .finished(frame.image(samples: samples))
            default:
                // APPn, COM, DQT, DNL and other segments carry nothing the lossless decoder needs.
                break
            }
            return .next
        }
    }

    /// Shifts the samples of the scan's components left by the point transform Pt (T.81 H.1.2.3),
    /// keeping the low 16 bits.
    private static func applyPointTransform(
        _ scan: JPEGLosslessScanHeader, componentCount: Int, to samples: inout [UInt16]
    ) {
        let shift = scan.pointTransform
        guard shift > 0 else { return }
        for component in scan.components {
            for index in stride(from: component.frameIndex, to: samples.count, by: componentCount) {
                samples[index] = samples[index] << UInt16(shift)
            }
        }
    }
}
