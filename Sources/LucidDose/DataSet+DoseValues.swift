import LucidDICOM

extension DataSet {
    /// The first numeric value of a dose attribute, decoded by its PS3.6 VR when the file does not say
    /// it (Implicit VR, or UN): Lucid's parsing dictionary keeps to the attributes of images, so in an
    /// Implicit VR file DS values such as Numeric Value (0040,A30A) or Image and Fluoroscopy Area Dose
    /// Product (0018,115E) arrive as UN; `StandardDictionary` gives their VR (DS, IS, FD, FL, US).
    func doseNumber(_ tag: DICOMTag) -> Double? {
        guard let element = self[tag] else { return nil }
        guard element.vr == .UN, let vr = StandardDictionary.entry(for: tag)?.vr else { return double(tag) }
        switch vr {
        case .DS, .IS: return strings(tag).lazy.compactMap { Double($0) }.first { $0.isFinite }
        case .FD: return littleEndian(tag, width: 8).map { Double(bitPattern: $0) }
        case .FL: return littleEndian(tag, width: 4).map { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0))) }
        case .US: return littleEndian(tag, width: 2).map { Double($0) }
        default: return double(tag)
        }
    }

    /// The first `width` bytes of the value as an unsigned integer in the data set's byte order.
    private func littleEndian(_ tag: DICOMTag, width: Int) -> UInt64? {
        guard let raw = rawValue(tag), raw.count >= width else { return nil }
        var value: UInt64 = 0
        for k in 0..<width {
            let byte = UInt64(raw[raw.startIndex + (isBigEndian ? k : width - 1 - k)])
            value = value << 8 | byte
        }
        return value
    }
}
