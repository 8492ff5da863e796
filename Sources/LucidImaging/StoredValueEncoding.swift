/// How the `UInt16` samples of a decoded image stand for DICOM stored pixel values
/// (PS3.3 C.7.6.3.1: Bits Stored (0028,0101), Pixel Representation (0028,0103)).
///
/// Samples are kept *offset binary*: for signed data the sample is the stored value plus
/// `2^(bitsStored-1)`, so a signed 12-bit value -2048...2047 becomes 0...4095. Every sample is
/// then an unsigned `bitsStored`-bit number whose order matches the order of stored values,
/// which lets every kernel (median, Gaussian, histogram) work on `UInt16` without knowing the sign.
public struct StoredValueEncoding: Sendable, Equatable, Hashable {
    /// Bits Stored, 1...16.
    public let bitsStored: Int
    /// Pixel Representation 1 (two's complement stored values).
    public let isSigned: Bool

    public init(bitsStored: Int, isSigned: Bool) {
        precondition((1...16).contains(bitsStored), "bitsStored must be 1...16")
        self.bitsStored = bitsStored
        self.isSigned = isSigned
    }

    /// What is added to a stored value to make its sample: `2^(bitsStored-1)` when signed, else 0.
    public var offset: Int { isSigned ? 1 << (bitsStored - 1) : 0 }

    /// The largest sample value, `2^bitsStored - 1`.
    public var maximumSample: Int { (1 << bitsStored) - 1 }

    /// Smallest stored value this encoding can hold (`-2^(bitsStored-1)` when signed, else 0).
    public var minimumStoredValue: Int { -offset }

    /// Largest stored value this encoding can hold.
    public var maximumStoredValue: Int { maximumSample - offset }

    /// The stored value a sample stands for.
    @inlinable public func storedValue(ofSample sample: UInt16) -> Int { Int(sample) - offset }

    /// The sample for a stored value; the value must lie within `minimumStoredValue...maximumStoredValue`.
    @inlinable public func sample(ofStoredValue value: Int) -> UInt16 { UInt16(truncatingIfNeeded: value + offset) }
}
