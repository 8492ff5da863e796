/// A whole ``DisplayPipeline`` evaluated once per possible sample: `levels[s]` is the display level
/// of sample `s` for every `s` in `0 ... encoding.maximumSample` (`2^bitsStored` entries), so
/// rendering an image is one table lookup per pixel.
///
/// `Level` is `UInt8` (output range 0...255) or `UInt16` (0...65,535); `ymax = Level.max`.
public struct DisplayLookupTable<Level: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable, Equatable {
    /// Display levels indexed by sample; `levels.count == encoding.maximumSample + 1`.
    public let levels: [Level]

    /// The output range's maximum level (`ymax`): 255 for `UInt8`, 65,535 for `UInt16`.
    public static var maximumLevel: Int { Int(Level.max) }

    /// Evaluates `pipeline` for every sample with
    /// ``DisplayPipeline/outputLevel(ofSample:maximumLevel:)``.
    /// - Throws: ``DisplayPipelineError`` when ``DisplayPipeline/validate()`` fails.
    public init(pipeline: DisplayPipeline) throws(DisplayPipelineError) {
        precondition(Level.bitWidth <= 16, "DisplayLookupTable levels are 8 or 16 bits")
        try pipeline.validate()
        let maximumLevel = Self.maximumLevel
        levels = (0...pipeline.encoding.maximumSample).map { sample in
            Level(pipeline.outputLevel(ofSample: UInt16(truncatingIfNeeded: sample), maximumLevel: maximumLevel))
        }
    }

    /// Wraps precomputed levels, one per sample; at least one level.
    public init(levels: [Level]) {
        precondition(!levels.isEmpty, "a DisplayLookupTable needs at least one level")
        self.levels = levels
    }

    /// The level of `sample`; samples beyond the table take its last level.
    @inlinable
    public subscript(sample sample: UInt16) -> Level {
        levels[min(Int(sample), levels.count - 1)]
    }
}
