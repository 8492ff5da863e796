#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension Window {
    /// The output fraction (0 = minimum output, 1 = maximum output) for modality value `x`,
    /// computed in `Double` exactly as PS3.3 writes the VOI LUT Functions with `ymin = 0`, `ymax = 1`:
    ///
    /// - LINEAR (C.11.2.1.2.1): 0 when `x <= c - 0.5 - (w-1)/2`, 1 when `x > c - 0.5 + (w-1)/2`,
    ///   else `(x - (c - 0.5)) / (w - 1) + 0.5`. With `w = 1` the ramp is empty: a threshold at
    ///   `c - 0.5` (values at or below it give 0).
    /// - LINEAR_EXACT (C.11.2.1.3.2): 0 when `x <= c - w/2`, 1 when `x > c + w/2`,
    ///   else `(x - c) / w + 0.5`.
    /// - SIGMOID (C.11.2.1.3.1, Eq. C.11-1): `1 / (1 + exp(-4 (x - c) / w))`.
    ///
    /// The result is always within 0...1 (NaN gives 0). For a window that is not ``isValid`` the
    /// result is defined but meaningless; ``DisplayPipeline/validate()`` rejects such windows.
    /// - Parameter x: modality value (after the Modality LUT), in the window's units.
    @inlinable
    public func outputFraction(forModalityValue x: Double) -> Double {
        switch function {
        case .linear:
            let rampCenter = center - 0.5
            let rampWidth = width - 1
            if x <= rampCenter - rampWidth / 2 { return 0 }
            if x > rampCenter + rampWidth / 2 { return 1 }
            return OutputQuantisation.clampedFraction((x - rampCenter) / rampWidth + 0.5)
        case .linearExact:
            if x <= center - width / 2 { return 0 }
            if x > center + width / 2 { return 1 }
            return OutputQuantisation.clampedFraction((x - center) / width + 0.5)
        case .sigmoid:
            return OutputQuantisation.clampedFraction(1 / (1 + exp(-4 * (x - center) / width)))
        }
    }

    /// The output level in `0 ... maximumLevel` for modality value `x`: PS3.3's `y` with `ymin = 0`,
    /// `ymax = maximumLevel`, rounded half up: `clamp(floor(y + 0.5), 0, ymax)`.
    ///
    /// `y` is computed with the standard's own operations so the level matches a direct
    /// implementation of PS3.3 exactly: for LINEAR inside the ramp
    /// `y = ((x - (c - 0.5)) / (w - 1) + 0.5) * ymax` (identical to `outputFraction * ymax`), for
    /// LINEAR_EXACT `y = ((x - c) / w + 0.5) * ymax`, for SIGMOID `y = ymax / (1 + exp(-4 (x - c) / w))`.
    /// - Parameters:
    ///   - x: modality value.
    ///   - maximumLevel: `ymax`: 255 for 8-bit output, 65,535 for 16-bit output.
    @inlinable
    public func outputLevel(forModalityValue x: Double, maximumLevel: Int) -> Int {
        switch function {
        case .linear, .linearExact:
            return OutputQuantisation.level(
                ofFraction: outputFraction(forModalityValue: x), maximumLevel: maximumLevel)
        case .sigmoid:
            let y = Double(maximumLevel) / (1 + exp(-4 * (x - center) / width))
            return OutputQuantisation.level(ofOutputValue: y, maximumLevel: maximumLevel)
        }
    }
}
