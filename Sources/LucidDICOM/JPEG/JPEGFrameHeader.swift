/// The frame header (SOFn, T.81 B.2.2) as every process reads it, checked as far as the checks are
/// common: positive size, 1...4 components with distinct identifiers and sampling factors 1...4,
/// and at most the caller's number of samples.
struct JPEGFrameHeader {
    /// Sample precision P in bits.
    let precision: Int
    /// Number of lines Y, 1...65535.
    let height: Int
    /// Samples per line X, 1...65535.
    let width: Int
    /// The components, in frame order.
    let components: [Component]

    struct Component {
        /// Component identifier Ci.
        let identifier: Int
        /// Horizontal sampling factor Hi, 1...4.
        let horizontalSampling: Int
        /// Vertical sampling factor Vi, 1...4.
        let verticalSampling: Int
        /// Quantization table destination selector Tqi, as read (no quantization in lossless mode).
        let quantizationTableID: Int
    }

    /// Parses a frame header of `Frame`'s process. In this order: `Frame.checkPrecision` judges the
    /// precision P; the size and the number of components are checked, and frames whose
    /// `width × height × components` exceeds `maximumSampleCount` are refused before anything is
    /// allocated; then each component is checked for a repeated identifier and its sampling factors,
    /// then by `Frame.checkComponent`, before the next is read.
    init<Frame: JPEGFrame>(
        _ segment: inout JPEGSegmentReader, maximumSampleCount: Int, process _: Frame.Type
    ) throws(JPEGDecodingError) {
        precision = try segment.readByte()
        height = try segment.readUInt16()
        width = try segment.readUInt16()
        let count = try segment.readByte()
        try Frame.checkPrecision(precision, segment: segment)
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
            let table = try segment.readByte()
            guard !components.contains(where: { $0.identifier == identifier }) else {
                throw segment.invalid("component identifier \(identifier) occurs twice")
            }
            let horizontal = sampling >> 4, vertical = sampling & 0x0F
            guard (1...4).contains(horizontal), (1...4).contains(vertical) else {
                throw segment.invalid("sampling factors \(horizontal)x\(vertical) are outside 1...4")
            }
            let component = Component(
                identifier: identifier, horizontalSampling: horizontal, verticalSampling: vertical,
                quantizationTableID: table)
            try Frame.checkComponent(component, count: count, segment: segment)
            components.append(component)
        }
        self.components = components
    }
}

/// A process's frame header: the common fields, the checks the process adds to them, and whatever
/// the process derives from them.
protocol JPEGFrame {
    /// The fields every process reads.
    var header: JPEGFrameHeader { get }

    /// The frame of `header`, which has passed this process's checks.
    init(header: JPEGFrameHeader)

    /// Checks the sample precision P for this process (T.81 Table B.2).
    static func checkPrecision(_ precision: Int, segment: JPEGSegmentReader) throws(JPEGDecodingError)

    /// Checks one component of a frame of `count` components for this process.
    static func checkComponent(_ component: JPEGFrameHeader.Component, count: Int, segment: JPEGSegmentReader)
        throws(JPEGDecodingError)

    /// Checks the frame once all its components have passed; by default nothing more.
    static func checkFrame(_ header: JPEGFrameHeader) throws(JPEGDecodingError)
}

extension JPEGFrame {
    static func checkFrame(_ header: JPEGFrameHeader) throws(JPEGDecodingError) {}

    /// Parses and validates the frame header in `segment`, refusing frames of more than
    /// `maximumSampleCount` samples before anything is allocated.
    init(_ segment: inout JPEGSegmentReader, maximumSampleCount: Int) throws(JPEGDecodingError) {
        let header = try JPEGFrameHeader(&segment, maximumSampleCount: maximumSampleCount, process: Self.self)
        try Self.checkFrame(header)
        self.init(header: header)
    }

    /// Sample precision P in bits.
    var precision: Int { header.precision }
    /// Number of lines Y, 1...65535.
    var height: Int { header.height }
    /// Samples per line X, 1...65535.
    var width: Int { header.width }
    /// The frame's components, in frame order.
    var components: [JPEGFrameHeader.Component] { header.components }

    /// The decoded image of this frame, from its `samples` (see ``JPEGDecodedImage/samples``).
    func image(samples: [UInt16]) -> JPEGDecodedImage {
        JPEGDecodedImage(
            width: width, height: height, precision: precision, components: components.count,
            samples: samples)
    }
}
