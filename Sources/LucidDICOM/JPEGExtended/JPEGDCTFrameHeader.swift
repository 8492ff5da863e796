/// The SOF0 or SOF1 frame header of a DCT-based sequential frame (T.81 B.2.2) and the block
/// geometry derived from it (T.81 A.1.1, A.2).
struct JPEGDCTFrameHeader {
    struct Component {
        /// Component identifier Ci.
        let identifier: Int
        /// Horizontal sampling factor Hi, 1...4.
        let horizontalSampling: Int
        /// Vertical sampling factor Vi, 1...4.
        let verticalSampling: Int
        /// Quantization table destination selector Tqi, 0...3.
        let quantizationTableID: Int
        /// Samples per line of the component, ceil(X × Hi / Hmax) (T.81 A.1.1).
        let width: Int
        /// Lines of the component, ceil(Y × Vi / Vmax).
        let height: Int
        /// Blocks per line and block rows the interleaved MCU grid covers (T.81 A.2.3); the
        /// component's sample plane is this many blocks wide and high.
        let blocksPerLine: Int
        let blockRows: Int
    }

    /// Sample precision P: 8 or 12 (T.81 Table B.2).
    let precision: Int
    /// Number of lines Y, 1...65535.
    let height: Int
    /// Samples per line X, 1...65535.
    let width: Int
    let components: [Component]
    /// Hmax and Vmax (T.81 A.1.1).
    let maximumHorizontalSampling: Int
    let maximumVerticalSampling: Int
    /// MCUs per line and MCU rows of an interleaved scan (T.81 A.2.3).
    let mcusPerLine: Int
    let mcuRows: Int

    /// Parses and validates a frame header, rejecting frames whose `width × height × components`
    /// exceeds `maximumSampleCount` before anything is allocated.
    init(_ segment: inout JPEGSegmentReader, maximumSampleCount: Int) throws(JPEGDecodingError) {
        precision = try segment.readByte()
        height = try segment.readUInt16()
        width = try segment.readUInt16()
        let count = try segment.readByte()
        // SOF0 is 8-bit only in T.81, but libjpeg-family decoders accept either precision with
        // either marker, and so does this one.
        guard precision == 8 || precision == 12 else {
            throw .unsupported("DCT sample precision \(precision); only 8 and 12 bits exist (T.81 Table B.2)")
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
        var fields: [(identifier: Int, horizontal: Int, vertical: Int, table: Int)] = []
        for _ in 0..<count {
            let identifier = try segment.readByte()
            let sampling = try segment.readByte()
            let table = try segment.readByte()
            guard !fields.contains(where: { $0.identifier == identifier }) else {
                throw segment.invalid("component identifier \(identifier) occurs twice")
            }
            let horizontal = sampling >> 4, vertical = sampling & 0x0F
            guard (1...4).contains(horizontal), (1...4).contains(vertical) else {
                throw segment.invalid("sampling factors \(horizontal)x\(vertical) are outside 1...4")
            }
            guard table <= 3 else { throw segment.invalid("quantization table \(table) is outside 0...3") }
            fields.append((identifier, horizontal, vertical, table))
        }
        let maximumHorizontal = fields.map(\.horizontal).max() ?? 1
        let maximumVertical = fields.map(\.vertical).max() ?? 1
        for field in fields
        where maximumHorizontal % field.horizontal != 0 || maximumVertical % field.vertical != 0 {
            throw .unsupported(
                "sampling factors \(field.horizontal)x\(field.vertical) that do not divide the maximum "
                    + "\(maximumHorizontal)x\(maximumVertical) (fractional upsampling)")
        }
        maximumHorizontalSampling = maximumHorizontal
        maximumVerticalSampling = maximumVertical
        let mcusPerLine = (width + 8 * maximumHorizontal - 1) / (8 * maximumHorizontal)
        let mcuRows = (height + 8 * maximumVertical - 1) / (8 * maximumVertical)
        self.mcusPerLine = mcusPerLine
        self.mcuRows = mcuRows
        let frameWidth = width, frameHeight = height
        components = fields.map { field in
            Component(
                identifier: field.identifier, horizontalSampling: field.horizontal,
                verticalSampling: field.vertical, quantizationTableID: field.table,
                width: (frameWidth * field.horizontal + maximumHorizontal - 1) / maximumHorizontal,
                height: (frameHeight * field.vertical + maximumVertical - 1) / maximumVertical,
                blocksPerLine: mcusPerLine * field.horizontal, blockRows: mcuRows * field.vertical)
        }
    }
}
