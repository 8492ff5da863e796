/// An integer formula that reproduces an 8-bit display table exactly, found by checking the table
/// itself, so it is exact for every pipeline it accepts (no assumption about how the table was made).
///
/// For a sample `s`:
///
///     t     = clamp(s, lowerSample, upperSample) - lowerSample
///     v     = (t * multiplier + bias) >> 24
///     level = flipped ? 255 - v : v
///
/// `flipped` holds for a non-increasing table (MONOCHROME1, negative rescale slope); the fit is then
/// made to `255 - table`. The kernel evaluates the same thing in one multiply-add modulo 2^32, see
/// ``kernelMultiplier`` and ``kernelBias``. A ramp exists when the table is monotone
/// and its steps are those of a straight line to within the 24-bit fraction, which holds for the
/// LINEAR, LINEAR_EXACT and linear-range VOI with an identity or rescale Modality LUT in practice;
/// SIGMOID and most LUT tables have none.
///
/// Proof obligation met by ``init(levels:)``: for every run of equal levels `v` over `t` in
/// `first...last`, `v * 2^24 <= first * multiplier + bias` and `last * multiplier + bias <= (v + 1) * 2^24 - 1`.
/// Since the formula is non-decreasing in `t`, every `t` of the run gives exactly `v`; the last run's
/// bound `256 * 2^24 - 1 = 2^32 - 1` keeps the 32-bit arithmetic from wrapping. Samples below
/// `lowerSample` or above `upperSample` clamp onto the table's first or last run.
struct FixedPointRamp: Sendable, Equatable {
    /// Samples at or below this take the first level.
    let lowerSample: UInt16
    /// Samples at or above this take the last level (also those beyond the table).
    let upperSample: UInt16
    /// Level steps per sample, in units of 2^-24.
    let multiplier: UInt32
    /// The level at `lowerSample` plus the rounding offset, in units of 2^-24.
    let bias: UInt32
    /// Whether the table is non-increasing (the ramp is fitted to `255 - table`).
    let flipped: Bool

    /// The multiplier of the kernel's formula `level = (clamp(s, lowerSample, upperSample) *
    /// kernelMultiplier + kernelBias) mod 2^32 >> 24`.
    ///
    /// Why it equals the ramp: with `u = t * multiplier + bias` (exactly, `0 <= u <= 2^32 - 1`),
    /// `s * kernelMultiplier + kernelBias == u (mod 2^32)` when not flipped, since
    /// `kernelBias = bias - lowerSample * multiplier`. When flipped it is `2^32 - 1 - u`, whose top byte
    /// is `255 - (u >> 24)`: write `u = 2^24 q + r` with `0 <= r < 2^24`, then
    /// `2^32 - 1 - u = 2^24 (255 - q) + (2^24 - 1 - r)`. Both values lie in `0 ..< 2^32`, so the
    /// wrapping result is the value itself.
    var kernelMultiplier: UInt32 { flipped ? 0 &- multiplier : multiplier }

    /// The additive constant of the kernel's formula; see ``kernelMultiplier``.
    var kernelBias: UInt32 {
        let rampBias = flipped ? ~bias : bias
        return rampBias &- UInt32(lowerSample) &* kernelMultiplier
    }

    /// Fraction bits of `multiplier` and `bias`.
    static let fractionBits = 24

    /// The ramp reproducing `levels` (one level per sample, at least one), or nil when none exists.
    init?(levels: [UInt8]) {
        guard let first = levels.first, let last = levels.last else { return nil }
        let flipped = last < first
        let flip: UInt8 = flipped ? 255 : 0
        // Runs of equal (flipped) levels, in sample order: level, first and last sample.
        var runs: [(level: Int, first: Int, last: Int)] = []
        runs.reserveCapacity(256)
        var previous = -1
        for (sample, raw) in levels.enumerated() {
            let level = Int(raw ^ flip)
            if level == previous {
                runs[runs.count - 1].last = sample
            } else {
                guard level > previous else { return nil }  // not monotone
                runs.append((level, sample, sample))
                previous = level
            }
        }
        guard let lowRun = runs.first, let highRun = runs.last else { return nil }
        let lower = lowRun.last
        let upper = runs.count == 1 ? lower : highRun.first
        // Ramp coordinates: t = sample - lower; the first run is the single point t = 0 and the last
        // run the single point t = upper - lower.
        var ramp = runs.map { run in (level: run.level, first: max(run.first, lower) - lower, last: 0) }
        for index in runs.indices {
            ramp[index].last = min(runs[index].last, upper) - lower
        }
        guard let multiplier = Self.solveMultiplier(ramp: ramp) else { return nil }
        let bias = Self.lowestBias(ramp: ramp, multiplier: multiplier)
        self.lowerSample = UInt16(lower)
        self.upperSample = UInt16(upper)
        self.multiplier = UInt32(multiplier)
        self.bias = UInt32(bias)
        self.flipped = flipped
    }

    /// The smallest bias allowed by the runs' lower bounds for `multiplier`.
    private static func lowestBias(ramp: [(level: Int, first: Int, last: Int)], multiplier: Int) -> Int {
        ramp.reduce(0) { max($0, ($1.level << fractionBits) - $1.first * multiplier) }
    }

    /// A multiplier in `0 ... 2^32 - 1` for which some bias meets every run's bounds, or nil.
    ///
    /// Cutting-plane bisection: for a candidate multiplier the tightest lower and upper bias bounds
    /// come from two runs; if they conflict, those two runs give a valid bound on the multiplier
    /// that excludes the candidate, and the next candidate is the middle of what remains. Exact
    /// integer arithmetic throughout (products stay below 2^48).
    private static func solveMultiplier(ramp: [(level: Int, first: Int, last: Int)]) -> Int? {
        let one = 1 << fractionBits
        guard let top = ramp.last, top.last > 0 else { return 0 }  // a single run: constant table
        var low = 0
        var high = (1 << 32) - 1
        var candidate = min(high, ((top.level - ramp[0].level) << fractionBits) / top.last)
        for _ in 0..<80 {
            var lowestBias = Int.min
            var lowestRun = 0
            var highestBias = Int.max
            var highestRun = 0
            for (index, run) in ramp.enumerated() {
                let floorBias = run.level * one - run.first * candidate
                if floorBias > lowestBias { (lowestBias, lowestRun) = (floorBias, index) }
                let ceilingBias = (run.level + 1) * one - 1 - run.last * candidate
                if ceilingBias < highestBias { (highestBias, highestRun) = (ceilingBias, index) }
            }
            if lowestBias <= highestBias { return candidate }
            // Need floor(r) <= ceiling(q): candidate * (q.last - r.first) <= qTop - rBottom.
            let r = ramp[lowestRun]
            let q = ramp[highestRun]
            let span = q.last - r.first
            let room = (q.level + 1) * one - 1 - r.level * one
            if span > 0 {
                high = min(high, floorDivide(room, span))
            } else if span < 0 {
                low = max(low, ceilingDivide(-room, -span))
            } else {
                return nil
            }
            guard low <= high else { return nil }
            candidate = low + (high - low) / 2
        }
        return nil
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func ceilingDivide(_ a: Int, _ b: Int) -> Int {
        -floorDivide(-a, b)
    }
}
