/// A DICOM lookup table as carried by a Modality LUT Sequence (0028,3000) or a VOI LUT Sequence
/// (0028,3010) item: LUT Descriptor (0028,3002) and LUT Data (0028,3006). PS3.3 C.11.1.1, C.11.2.1.1.
///
/// Input `x` maps to `entries[x - firstMappedValue]`; inputs below `firstMappedValue` take the first
/// entry and inputs beyond the last take the last entry.
public struct LookupTable: Sendable, Equatable, Hashable {
    /// Descriptor value 2: the input value mapped to `entries[0]` (may be negative).
    public var firstMappedValue: Int
    /// Descriptor value 3 as written in the file: bits per entry, nominally 8...16. The nominal output
    /// range is `0 ... 2^bitsPerEntry - 1`.
    public var bitsPerEntry: Int
    /// LUT Data, unsigned; at least one entry, at most 65,536.
    public var entries: [UInt16]
    /// LUT Explanation (0028,3003), when present.
    public var explanation: String?

    public init(firstMappedValue: Int, bitsPerEntry: Int, entries: [UInt16], explanation: String? = nil) {
        precondition(!entries.isEmpty, "a LookupTable needs at least one entry")
        self.firstMappedValue = firstMappedValue
        self.bitsPerEntry = bitsPerEntry
        self.entries = entries
        self.explanation = explanation
    }

    /// The entry for input `x`, clamping below the first and above the last mapped value.
    @inlinable public func lookup(_ x: Int) -> UInt16 {
        let index = x - firstMappedValue
        if index <= 0 { return entries[0] }
        if index >= entries.count { return entries[entries.count - 1] }
        return entries[index]
    }

    /// The largest value the LUT's nominal output range allows, `2^bitsPerEntry - 1`.
    public var nominalMaximum: Int { (1 << min(max(bitsPerEntry, 1), 16)) - 1 }
}
