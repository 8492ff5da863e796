/// The scan header (SOS, T.81 B.2.3) as every process reads it: 1...4 components of the frame,
/// each named once, and the three parameter bytes that follow, whose meaning depends on the process.
struct JPEGScanHeader<Component> {
    /// The scan's components, in scan order, as the process made them.
    let components: [Component]
    /// Ss: start of spectral selection, or the predictor of a lossless scan (T.81 H.2.2).
    let spectralStart: Int
    /// Se: end of spectral selection; unused in lossless mode.
    let spectralEnd: Int
    /// Ah (high four bits) and Al (low four bits): successive approximation, or the point
    /// transform of a lossless scan.
    let approximation: Int

    /// Parses a scan header of a scan of `frame`. Each component is checked to be in the frame and
    /// not named twice; then `component` makes the process's component from its index in the frame
    /// and its table selectors byte (Tdj << 4 | Taj), checking the selectors, before the next is read.
    init(
        _ segment: inout JPEGSegmentReader, frame: some JPEGFrame,
        component: (_ frameIndex: Int, _ tableSelectors: Int, _ segment: JPEGSegmentReader) throws(JPEGDecodingError) ->
            Component
    ) throws(JPEGDecodingError) {
        let count = try segment.readByte()
        guard (1...4).contains(count) else { throw segment.invalid("\(count) components in a scan; expected 1...4") }
        guard segment.remaining == 2 * count + 3 else {
            throw segment.invalid("length does not match \(count) components (Ls = 6 + 2 x Ns)")
        }
        var frameIndices: [Int] = []
        var components: [Component] = []
        for _ in 0..<count {
            let identifier = try segment.readByte()
            let tables = try segment.readByte()
            guard let frameIndex = frame.header.components.firstIndex(where: { $0.identifier == identifier }) else {
                throw segment.invalid("component \(identifier) is not in the frame header")
            }
            guard !frameIndices.contains(frameIndex) else {
                throw segment.invalid("component \(identifier) occurs twice")
            }
            frameIndices.append(frameIndex)
            components.append(try component(frameIndex, tables, segment))
        }
        spectralStart = try segment.readByte()
        spectralEnd = try segment.readByte()
        approximation = try segment.readByte()
        self.components = components
    }
}
