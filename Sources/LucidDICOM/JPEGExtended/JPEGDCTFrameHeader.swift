/// The SOF0 or SOF1 frame header of a DCT-based sequential frame (T.81 B.2.2) and the block
/// geometry derived from it (T.81 A.1.1, A.2).
struct JPEGDCTFrameHeader: JPEGFrame {
    let header: JPEGFrameHeader

    /// Accepts 8 and 12 bits. SOF0 is 8-bit only in T.81, but libjpeg-family decoders accept either
    /// precision with either marker, and so does this one.
    static func checkPrecision(_ precision: Int, segment _: JPEGSegmentReader) throws(JPEGDecodingError) {
        guard precision == 8 || precision == 12 else {
            throw .unsupported("DCT sample precision \(precision); only 8 and 12 bits exist (T.81 Table B.2)")
        }
    }

    /// Accepts quantization table destinations 0...3.
    static func checkComponent(_ component: JPEGFrameHeader.Component, count _: Int, segment: JPEGSegmentReader)
        throws(JPEGDecodingError)
    {
        let table = component.quantizationTableID
        guard table <= 3 else { throw segment.invalid("quantization table \(table) is outside 0...3") }
    }

    /// Refuses sampling factors that do not divide the largest ones (fractional upsampling).
    static func checkFrame(_ header: JPEGFrameHeader) throws(JPEGDecodingError) {
        let frame = JPEGDCTFrameHeader(header: header)
        let maximumHorizontal = frame.maximumHorizontalSampling, maximumVertical = frame.maximumVerticalSampling
        for component in header.components
        where maximumHorizontal % component.horizontalSampling != 0
            || maximumVertical % component.verticalSampling != 0
        {
            throw .unsupported(
                "sampling factors \(component.horizontalSampling)x\(component.verticalSampling) that do not divide "
                    + "the maximum \(maximumHorizontal)x\(maximumVertical) (fractional upsampling)")
        }
    }

    /// Hmax (T.81 A.1.1), 1...4.
    var maximumHorizontalSampling: Int { components.map(\.horizontalSampling).max() ?? 1 }
    /// Vmax (T.81 A.1.1), 1...4.
    var maximumVerticalSampling: Int { components.map(\.verticalSampling).max() ?? 1 }
    /// MCUs per line of an interleaved scan, ceil(X / (8 × Hmax)) (T.81 A.2.3).
    var mcusPerLine: Int { (width + 8 * maximumHorizontalSampling - 1) / (8 * maximumHorizontalSampling) }
    /// MCU rows of an interleaved scan, ceil(Y / (8 × Vmax)).
    var mcuRows: Int { (height + 8 * maximumVerticalSampling - 1) / (8 * maximumVerticalSampling) }

    /// Samples per line of `component`, ceil(X × Hi / Hmax) (T.81 A.1.1).
    func width(of component: JPEGFrameHeader.Component) -> Int {
        (width * component.horizontalSampling + maximumHorizontalSampling - 1) / maximumHorizontalSampling
    }

    /// Lines of `component`, ceil(Y × Vi / Vmax).
    func height(of component: JPEGFrameHeader.Component) -> Int {
        (height * component.verticalSampling + maximumVerticalSampling - 1) / maximumVerticalSampling
    }

    /// Blocks per line the interleaved MCU grid covers for `component` (T.81 A.2.3); its sample
    /// plane is this many blocks wide.
    func blocksPerLine(of component: JPEGFrameHeader.Component) -> Int { mcusPerLine * component.horizontalSampling }

    /// Block rows the interleaved MCU grid covers for `component`; its sample plane is this many
    /// blocks high.
    func blockRows(of component: JPEGFrameHeader.Component) -> Int { mcuRows * component.verticalSampling }
}
