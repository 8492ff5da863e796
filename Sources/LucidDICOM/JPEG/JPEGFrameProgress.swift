/// The frame a decoder has read (T.81 B.2.2) and the components its scans have decoded so far: each
/// component is coded in exactly one scan (T.81 B.2.3), and the image is complete when all are.
struct JPEGFrameProgress<Frame: JPEGFrame> {
    private(set) var frame: Frame?
    private var decoded: [Bool] = []

    /// Reads the frame header in `segment`, capped at `maximumSampleCount` and at
    /// ``JPEGDecodedImage/maximumSampleCount`` samples.
    /// - Throws: ``JPEGDecodingError/unexpectedMarker(marker:offset:)`` for a second frame header, and
    ///   the errors of the header.
    mutating func readFrame(_ segment: inout JPEGSegmentReader, maximumSampleCount: Int) throws(JPEGDecodingError) {
        guard frame == nil else { throw segment.unexpectedMarker }
        let header = try Frame(
            &segment, maximumSampleCount: min(maximumSampleCount, JPEGDecodedImage.maximumSampleCount))
        decoded = [Bool](repeating: false, count: header.components.count)
        frame = header
    }

    /// The frame, for the scan header in `segment`.
    /// - Throws: ``JPEGDecodingError/unexpectedMarker(marker:offset:)`` for a scan before the frame.
    func frame(forScan segment: JPEGSegmentReader) throws(JPEGDecodingError) -> Frame {
        guard let frame else { throw segment.unexpectedMarker }
        return frame
    }

    /// Checks that frame component `frameIndex`, named in the scan header in `segment`, has not been
    /// decoded by an earlier scan.
    func checkNotDecoded(_ frameIndex: Int, scan segment: JPEGSegmentReader) throws(JPEGDecodingError) {
        guard !decoded[frameIndex] else {
            let identifier = frame?.components[frameIndex].identifier ?? frameIndex
            throw segment.invalid("component \(identifier) was already decoded")
        }
    }

    /// Marks the frame components `frameIndices` decoded; true when every component is.
    mutating func markDecoded(_ frameIndices: [Int]) -> Bool {
        for index in frameIndices { decoded[index] = true }
        return !decoded.contains(false)
    }
}
