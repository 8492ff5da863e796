/// One Window Center (0028,1050) / Window Width (0028,1051) pair with its VOI LUT Function,
/// in modality units (after the Modality LUT: Hounsfield units for CT). PS3.3 C.11.2.1.2.
public struct Window: Sendable, Equatable, Hashable {
    /// Window Center, modality units.
    public var center: Double
    /// Window Width, modality units. LINEAR needs >= 1, LINEAR_EXACT and SIGMOID need > 0.
    public var width: Double
    /// VOI LUT Function; LINEAR when the file does not say.
    public var function: VOIFunction
    /// Window Center & Width Explanation (0028,1055), when the file gives one.
    public var explanation: String?

    public init(center: Double, width: Double, function: VOIFunction = .linear, explanation: String? = nil) {
        self.center = center
        self.width = width
        self.function = function
        self.explanation = explanation
    }

    /// Whether the width is valid for the function (PS3.3 C.11.2.1.2.1 and C.11.2.1.3):
    /// LINEAR needs `width >= 1`; LINEAR_EXACT and SIGMOID need `width > 0`. Non-finite values are invalid.
    public var isValid: Bool {
        guard center.isFinite, width.isFinite else { return false }
        switch function {
        case .linear: return width >= 1
        case .linearExact, .sigmoid: return width > 0
        }
    }
}
