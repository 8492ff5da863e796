extension VOITransform {
    /// The output fraction (0 = minimum output, 1 = maximum output) for modality value `x`.
    ///
    /// - `.window`: ``Window/outputFraction(forModalityValue:)`` (PS3.3 C.11.2.1.2, C.11.2.1.3).
    /// - `.lookupTable`: ``LookupTable/voiOutputFraction(forModalityValue:)`` (PS3.3 C.11.2.1.1):
    ///   the input is floored to an integer and the entry normalised by `2^bitsPerEntry - 1`.
    /// - `.linearRange(lower, upper)`: `(x - lower) / (upper - lower)` clamped to 0...1; when
    ///   `upper <= lower` (a constant image) every value gives 0.
    /// - Parameter x: modality value (after the Modality LUT).
    @inlinable
    public func outputFraction(forModalityValue x: Double) -> Double {
        switch self {
        case .window(let window):
            return window.outputFraction(forModalityValue: x)
        case .lookupTable(let lut):
            return lut.voiOutputFraction(forModalityValue: x)
        case .linearRange(let lower, let upper):
            guard upper > lower else { return 0 }
            return OutputQuantisation.clampedFraction((x - lower) / (upper - lower))
        }
    }

    /// The output level in `0 ... maximumLevel` for modality value `x`, rounding half up:
    /// `clamp(floor(outputFraction * maximumLevel + 0.5), 0, maximumLevel)`. No inversion here:
    /// MONOCHROME1 inversion belongs to ``DisplayPipeline``.
    /// - Parameters:
    ///   - x: modality value.
    ///   - maximumLevel: 255 for 8-bit output, 65,535 for 16-bit output.
    @inlinable
    public func outputLevel(forModalityValue x: Double, maximumLevel: Int) -> Int {
        OutputQuantisation.level(ofFraction: outputFraction(forModalityValue: x), maximumLevel: maximumLevel)
    }
}
