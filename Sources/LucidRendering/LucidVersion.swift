import CBuildInfo

/// Lucid's version, recorded in every output it writes.
public enum LucidVersion {
    public static let current = "0.1.0"

    /// The instruction set level this build was compiled for, e.g. `x86-64-v3 (AVX2, FMA)` with
    /// `Toolsets/x86-64-v3.json` (`.ci/build-release`), `x86-64 baseline (SSE2)` without.
    public static var simdLevel: String { String(cString: lucid_build_simd_level()) }

    /// What `lucid --version` prints: the version and the level it was built for.
    public static var described: String { "\(current), built for \(simdLevel)" }
}
