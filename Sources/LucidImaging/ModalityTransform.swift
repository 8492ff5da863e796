/// The Modality LUT stage (PS3.3 C.11.1): stored values to modality values.
public enum ModalityTransform: Sendable, Equatable, Hashable {
    /// No transform: modality values equal stored values (also the rule for XA/XRF, PS3.3 C.8.7.1.1.2).
    case identity
    /// Rescale Slope (0028,1053) and Rescale Intercept (0028,1052): `m = slope * stored + intercept`.
    case rescale(slope: Double, intercept: Double)
    /// Modality LUT Sequence (0028,3000) item: `m = lut.lookup(stored)`.
    case lookupTable(LookupTable)

    /// The modality value of a stored value.
    @inlinable public func modalityValue(ofStored stored: Int) -> Double {
        switch self {
        case .identity: return Double(stored)
        case .rescale(let slope, let intercept): return slope * Double(stored) + intercept
        case .lookupTable(let lut): return Double(lut.lookup(stored))
        }
    }
}
