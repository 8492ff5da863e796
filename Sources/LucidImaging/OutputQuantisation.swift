/// The last step of the VOI stage: turning an output fraction into an integer output level.
///
/// PS3.3 C.11.2.1.2 computes `y` in floating point over `ymin ... ymax`; Lucid always uses `ymin = 0`
/// and `ymax = 2^bits - 1` (255 for 8-bit output, 65,535 for 16-bit output), so `y = fraction * ymax`
/// and the level is `y` rounded half up: `clamp(floor(fraction * ymax + 0.5), 0, ymax)`. This is the
/// rule the reference renderings use (`floor(x * 255 + 0.5)`).
public enum OutputQuantisation {
    /// The level for `fraction` (nominally 0...1) in an output range `0 ... maximumLevel`.
    ///
    /// Rounds half up and clamps to `0 ... maximumLevel`. A NaN fraction gives 0.
    /// - Parameters:
    ///   - fraction: position in the output range, 0 = minimum (black), 1 = maximum (white).
    ///   - maximumLevel: `ymax`, at least 1 (255 or 65,535 in practice).
    @inlinable
    public static func level(ofFraction fraction: Double, maximumLevel: Int) -> Int {
        level(ofOutputValue: fraction * Double(maximumLevel), maximumLevel: maximumLevel)
    }

    /// The level for an output value `y` already scaled to `0 ... maximumLevel`:
    /// `clamp(floor(y + 0.5), 0, maximumLevel)`. A NaN value gives 0.
    @inlinable
    public static func level(ofOutputValue y: Double, maximumLevel: Int) -> Int {
        let scaled = (y + 0.5).rounded(.down)
        guard scaled > 0 else { return 0 }
        guard scaled < Double(maximumLevel) else { return maximumLevel }
        return Int(scaled)
    }

    /// `value` limited to `0 ... 1`; NaN gives 0.
    @inlinable
    public static func clampedFraction(_ value: Double) -> Double {
        guard value > 0 else { return 0 }
        guard value < 1 else { return 1 }
        return value
    }
}
