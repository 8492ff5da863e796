/// The VOI LUT stage (PS3.3 C.11.2): modality values to a fraction of the output range.
public enum VOITransform: Sendable, Equatable, Hashable {
    /// A window with its VOI LUT Function.
    case window(Window)
    /// A VOI LUT Sequence (0028,3010) item; its output is normalised over `0 ... lut.nominalMaximum`.
    case lookupTable(LookupTable)
    /// A linear map of `lower...upper` (modality units) onto the whole output range: what is used when
    /// the file gives no usable VOI, over the modality values' min...max. `lower == upper` maps
    /// everything to the minimum output.
    case linearRange(lower: Double, upper: Double)
}
