extension DisplayPipeline {
    /// The modality value (PS3.3 C.11.1) of an image sample. Samples above
    /// `encoding.maximumSample` (which a correct decoder never produces) are treated as the maximum.
    @inlinable
    public func modalityValue(ofSample sample: UInt16) -> Double {
        let clamped = UInt16(truncatingIfNeeded: min(Int(sample), encoding.maximumSample))
        return modality.modalityValue(ofStored: encoding.storedValue(ofSample: clamped))
    }

    /// The display level of one sample in `0 ... maximumLevel`: Modality LUT, VOI, rounding half up
    /// (``OutputQuantisation``), then for ``invert`` (MONOCHROME1, PS3.3 C.7.6.3.1.2)
    /// `maximumLevel - level`, applied exactly once, after quantisation.
    ///
    /// Total for any pipeline; call ``validate()`` first to reject windows and rescales for which
    /// the result carries no meaning.
    /// - Parameters:
    ///   - sample: offset-binary sample (see ``StoredValueEncoding``).
    ///   - maximumLevel: 255 for 8-bit output, 65,535 for 16-bit output.
    @inlinable
    public func outputLevel(ofSample sample: UInt16, maximumLevel: Int) -> Int {
        let level = voi.outputLevel(forModalityValue: modalityValue(ofSample: sample), maximumLevel: maximumLevel)
        return invert ? maximumLevel - level : level
    }

    /// The 8-bit display table: one level (0...255) per sample `0 ... encoding.maximumSample`.
    /// - Throws: ``DisplayPipelineError`` when ``validate()`` fails.
    public func displayLookupTable8() throws(DisplayPipelineError) -> DisplayLookupTable<UInt8> {
        try DisplayLookupTable(pipeline: self)
    }

    /// The 16-bit display table: one level (0...65,535) per sample `0 ... encoding.maximumSample`.
    /// - Throws: ``DisplayPipelineError`` when ``validate()`` fails.
    public func displayLookupTable16() throws(DisplayPipelineError) -> DisplayLookupTable<UInt16> {
        try DisplayLookupTable(pipeline: self)
    }

    /// Renders `image` (offset-binary samples in this pipeline's ``encoding``) to 8-bit levels with
    /// ``Windowing/apply(_:pipeline:threads:)`` on every available core: the same levels as
    /// ``displayLookupTable8()`` looked up per pixel.
    /// - Throws: ``DisplayPipelineError`` when ``validate()`` fails.
    public func render(_ image: GrayImage<UInt16>) throws(DisplayPipelineError) -> GrayImage<UInt8> {
        try Windowing.apply(image, pipeline: self)
    }

    /// Renders `image` (offset-binary samples in this pipeline's ``encoding``) to 16-bit levels with
    /// ``Windowing/apply16(_:pipeline:threads:)`` on every available core: the same levels as
    /// ``displayLookupTable16()`` looked up per pixel.
    /// - Throws: ``DisplayPipelineError`` when ``validate()`` fails.
    public func render16(_ image: GrayImage<UInt16>) throws(DisplayPipelineError) -> GrayImage<UInt16> {
        try Windowing.apply16(image, pipeline: self)
    }
}
