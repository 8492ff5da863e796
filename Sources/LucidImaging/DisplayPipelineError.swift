/// Why a ``DisplayPipeline`` cannot be evaluated. Thrown by ``DisplayPipeline/validate()`` and
/// everything that builds a ``DisplayLookupTable``; callers choose a fallback (another window,
/// the modality min/max range) rather than having values clamped silently.
public enum DisplayPipelineError: Error, Sendable, Equatable, Hashable {
    /// A window whose width is invalid for its VOI LUT Function, or whose center or width is not
    /// finite: LINEAR needs width >= 1, LINEAR_EXACT and SIGMOID need width > 0 (PS3.3 C.11.2.1.2.1,
    /// C.11.2.1.3).
    case invalidWindow(Window)
    /// A `.linearRange` whose bounds are not finite or whose upper bound is below its lower bound.
    case invalidLinearRange(lower: Double, upper: Double)
    /// Rescale Slope (0028,1053) or Rescale Intercept (0028,1052) is not finite (PS3.3 C.11.1.1.2).
    case nonFiniteRescale(slope: Double, intercept: Double)
}

extension DisplayPipeline {
    /// Checks that every stage gives finite, meaningful values.
    /// - Throws: ``DisplayPipelineError`` naming the first unusable stage (modality, then VOI).
    public func validate() throws(DisplayPipelineError) {
        if case .rescale(let slope, let intercept) = modality, !(slope.isFinite && intercept.isFinite) {
            throw .nonFiniteRescale(slope: slope, intercept: intercept)
        }
        switch voi {
        case .window(let window):
            guard window.isValid else { throw .invalidWindow(window) }
        case .linearRange(let lower, let upper):
            guard lower.isFinite, upper.isFinite, upper >= lower else {
                throw .invalidLinearRange(lower: lower, upper: upper)
            }
        case .lookupTable:
            break
        }
    }
}
