extension LookupTable {
    /// The entry for a modality value that may be fractional (after a non-integer rescale).
    ///
    /// Integer conversion rule: the input is rounded **down** (`floor`) to an integer before the
    /// lookup, after clamping to the mapped range. Values below `firstMappedValue` (and NaN) take the
    /// first entry; values at or above `firstMappedValue + entries.count - 1` take the last entry
    /// (PS3.3 C.11.2.1.1). Inside the mapped range `floor(x) - first == trunc(x - first)`, which is
    /// what pydicom's `apply_voi` does (float-to-unsigned assignment of `x - first`), so the rule
    /// matches the reference renderings.
    /// - Parameter x: modality value in the LUT's input units.
    @inlinable
    public func lookup(modalityValue x: Double) -> UInt16 {
        let first = Double(firstMappedValue)
        guard x >= first else { return entries[0] }
        let lastIndex = entries.count - 1
        guard x < first + Double(lastIndex) else { return entries[lastIndex] }
        return lookup(Int(x.rounded(.down)))
    }

    /// The VOI output fraction for modality value `x`: `entry / nominalMaximum`, where the entry is
    /// ``lookup(modalityValue:)`` and `nominalMaximum = 2^bitsPerEntry - 1` (PS3.3 C.11.2.1.1).
    /// Entries above the nominal maximum (vendor LUTs whose descriptor understates the data) give 1.
    @inlinable
    public func voiOutputFraction(forModalityValue x: Double) -> Double {
        let entry = min(Int(lookup(modalityValue: x)), nominalMaximum)
        return Double(entry) / Double(nominalMaximum)
    }
}
