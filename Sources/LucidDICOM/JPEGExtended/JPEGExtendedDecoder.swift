/// A decoder for the DCT-based sequential JPEG processes with Huffman coding (ITU-T T.81 Annex F):
/// baseline (Process 1, SOF0) and extended (Processes 2 and 4, SOF1) with 8- or 12-bit samples, as
/// used by the DICOM transfer syntaxes 1.2.840.10008.1.2.4.50 and 1.2.840.10008.1.2.4.51
/// (PS3.5 A.4.1). It exists for 12-bit frames, which the system's 8-bit libjpeg cannot decode.
///
/// Supported: 1...4 components, sampling factors 1...4 with integral ratios (subsampled components
/// are upsampled by replication), interleaved and non-interleaved scans, up to four DC and four AC
/// Huffman tables, 8- and 16-bit quantization tables, restart intervals. The inverse DCT is the
/// IJG "islow" integer transform, so samples equal those of libjpeg-family decoders (DCMTK,
/// libjpeg-turbo) for greyscale frames. Refused with ``JPEGDecodingError/unsupported(_:)``:
/// progressive, lossless, hierarchical and arithmetic-coded frames, and a height given by DNL.
public enum JPEGExtendedDecoder {
    /// Decodes the JPEG codestream `bytes` (from SOI, T.81 B.2.1) into its samples: unsigned
    /// `precision`-bit values, components interleaved, no colour conversion.
    ///
    /// Hostile input never traps: every field is validated before use; the sample planes are
    /// allocated once, at the first scan, from a frame header whose `width × height × components` is
    /// at most `maximumSampleCount` (itself capped at ``JPEGDecodedImage/maximumSampleCount``), and
    /// only when the remaining data could hold at least two bits per block of that scan.
    public static func decode(
        _ bytes: [UInt8], maximumSampleCount: Int = JPEGDecodedImage.maximumSampleCount
    ) throws(JPEGDecodingError) -> JPEGDecodedImage {
        var progress = JPEGFrameProgress<JPEGDCTFrameHeader>()
        var planes: JPEGComponentPlanes?
        var dcTables = [JPEGHuffmanTable?](repeating: nil, count: 4)
        var acTables = [JPEGHuffmanTable?](repeating: nil, count: 4)
        var quantizationTables = [[Int]?](repeating: nil, count: 4)
        var restartInterval = 0
        return try JPEGSegmentWalker.walk(bytes) { segment throws(JPEGDecodingError) in
            switch segment.marker {
            case JPEGMarker.baselineFrame, JPEGMarker.extendedHuffmanFrame:
                try progress.readFrame(&segment, maximumSampleCount: maximumSampleCount)
            case JPEGMarker.defineHierarchicalProgression:
                throw .unsupported("hierarchical frames (DHP marker at byte offset \(segment.markerOffset))")
            case let code where JPEGMarker.isStartOfFrame(code):
                throw .unsupported(Self.processName(frameMarker: code))
            case JPEGMarker.defineQuantizationTables:
                try JPEGDCTTableSegment.readQuantizationTables(&segment, into: &quantizationTables)
            case JPEGMarker.defineHuffmanTables:
                try JPEGDCTTableSegment.readHuffmanTables(&segment, dc: &dcTables, ac: &acTables)
            case JPEGMarker.defineRestartInterval:
                restartInterval = try JPEGTableSegment.readRestartInterval(&segment)
            case JPEGMarker.startOfScan:
                let frame = try progress.frame(forScan: segment)
                let scan = try JPEGDCTScanHeader(&segment, frame: frame)
                let parameters = try Self.parameters(
                    frame: frame, scan: scan, segment: segment, progress: progress, dcTables: dcTables,
                    acTables: acTables, quantizationTables: quantizationTables, restartInterval: restartInterval)
                // Every block costs at least two bits (a DC code and an EOB or AC code, each 1...16
                // bits, T.81 C.2), so shorter data cannot hold the scan; checking first avoids a
                // useless allocation.
                guard Self.blockCount(of: scan, frame: frame) <= 4 * (bytes.count - segment.end) else {
                    throw .truncated(offset: bytes.count)
                }
                var currentPlanes = planes ?? JPEGComponentPlanes(frame: frame)
                planes = nil  // Keeps the sample storage uniquely referenced while the scan writes it.
                let end = try JPEGDCTScanDecoder.decode(
                    bytes, start: segment.end, parameters: parameters, into: &currentPlanes)
                guard progress.markDecoded(scan.components.map(\.frameIndex)) else {
                    planes = currentPlanes
                    return .resume(at: end)
                }
                // Everything after the last scan (normally just EOI) is irrelevant to the image.
                return .finished(frame.image(samples: JPEGUpsampler.interleave(currentPlanes, frame: frame)))
            default:
                // APPn, COM, DNL and other segments carry nothing the decoder needs.
                break
            }
            return .next
        }
    }

    /// The tables of each scan component, checked to exist, for the scan header in `segment`, whose
    /// components `progress` checks have not been decoded yet.
    private static func parameters(
        frame: JPEGDCTFrameHeader, scan: JPEGDCTScanHeader, segment: JPEGSegmentReader,
        progress: JPEGFrameProgress<JPEGDCTFrameHeader>, dcTables: [JPEGHuffmanTable?],
        acTables: [JPEGHuffmanTable?], quantizationTables: [[Int]?], restartInterval: Int
    ) throws(JPEGDecodingError) -> JPEGDCTScanDecoder.Parameters {
        let sosOffset = segment.markerOffset
        var dc: [JPEGHuffmanTable] = [], ac: [JPEGHuffmanTable] = [], quantization: [[Int]] = []
        for component in scan.components {
            let frameComponent = frame.components[component.frameIndex]
            try progress.checkNotDecoded(component.frameIndex, scan: segment)
            guard let dcTable = dcTables[component.dcTableID] else {
                throw .missingHuffmanTable(tableID: component.dcTableID, offset: sosOffset)
            }
            guard let acTable = acTables[component.acTableID] else {
                throw .missingHuffmanTable(tableID: component.acTableID, offset: sosOffset)
            }
            guard let table = quantizationTables[frameComponent.quantizationTableID] else {
                throw .missingQuantizationTable(tableID: frameComponent.quantizationTableID, offset: sosOffset)
            }
            dc.append(dcTable)
            ac.append(acTable)
            quantization.append(table)
        }
        return JPEGDCTScanDecoder.Parameters(
            frame: frame, scan: scan, dcTables: dc, acTables: ac, quantization: quantization,
            restartInterval: restartInterval)
    }

    /// The number of blocks a scan codes (T.81 A.2.2, A.2.3).
    private static func blockCount(of scan: JPEGDCTScanHeader, frame: JPEGDCTFrameHeader) -> Int {
        if scan.components.count == 1 {
            let component = frame.components[scan.components[0].frameIndex]
            return ((frame.width(of: component) + 7) / 8) * ((frame.height(of: component) + 7) / 8)
        }
        let blocksPerMCU = scan.components.reduce(0) {
            $0 + frame.components[$1.frameIndex].horizontalSampling * frame.components[$1.frameIndex].verticalSampling
        }
        return frame.mcusPerLine * frame.mcuRows * blocksPerMCU
    }

    /// Names the coding process of a frame marker this decoder refuses (T.81 Table B.1).
    private static func processName(frameMarker code: UInt8) -> String {
        let name: String
        switch code {
        case 0xC2: name = "progressive DCT (SOF2)"
        case 0xC3: name = "lossless (SOF3); JPEGLosslessDecoder decodes it"
        case 0xC5...0xC7: name = "hierarchical (SOF\(code - 0xC0))"
        default: name = "arithmetic coding (SOF\(code - 0xC0))"
        }
        return name + " frames"
    }
}
