import LucidImaging

extension DisplayAttributes {
    /// Window Center/Width pairs with their explanations and VOI LUT Function (PS3.3 C.11.2.1.2).
    /// Centers and widths pair up in order; a surplus on either side is ignored.
    static func windows(_ scope: DataSet) -> [Window] {
        let centers = scope.doubles(.windowCenter)
        let widths = scope.doubles(.windowWidth)
        let explanations = scope.strings(.windowCenterWidthExplanation)
        let function = scope.string(.voiLUTFunction).flatMap(VOIFunction.init(dicomValue:)) ?? .linear
        return zip(centers, widths).enumerated().map { index, pair in
            let explanation = index < explanations.count && !explanations[index].isEmpty ? explanations[index] : nil
            return Window(center: pair.0, width: pair.1, function: function, explanation: explanation)
        }
    }

    /// A LUT from an item with LUT Descriptor (0028,3002) and LUT Data (0028,3006); nil when either is
    /// empty or unusable. Descriptor: entries (0 means 65,536), first mapped value (signed when
    /// `signedFirstValue` or when the file wrote it as SS), bits per entry. Data holds 16-bit words;
    /// 8-bit entries packed two per word are unpacked (CP-522).
    static func lookupTable(_ item: DataSet, signedFirstValue: Bool) -> LookupTable? {
        let descriptor = item.uint16Words(.lutDescriptor)
        guard descriptor.count >= 3 else { return nil }
        let declaredEntries = descriptor[0] == 0 ? 65536 : Int(descriptor[0])
        let signed = signedFirstValue || item[.lutDescriptor]?.vr == .SS
        let firstMapped = signed ? Int(Int16(bitPattern: descriptor[1])) : Int(descriptor[1])
        let bits = Int(descriptor[2])
        var entries = item.uint16Words(.lutData)
        guard let rawData = item.rawValue(.lutData) else { return nil }
        if entries.count * 2 == declaredEntries && bits == 8 {
            entries = entries.flatMap { word in
                item.isBigEndian ? [UInt16(word >> 8), UInt16(word & 0xFF)] : [UInt16(word & 0xFF), UInt16(word >> 8)]
            }
        } else if item[.lutData]?.vr == .OB || (rawData.count == declaredEntries && bits <= 8) {
            entries = rawData.map { UInt16($0) }
        }
        guard !entries.isEmpty else { return nil }
        if entries.count > declaredEntries { entries = Array(entries.prefix(declaredEntries)) }
        return LookupTable(
            firstMappedValue: firstMapped, bitsPerEntry: bits, entries: entries,
            explanation: item.string(.lutExplanation))
    }

    /// The padding stored values: Pixel Padding Value alone, or the range it spans with Pixel Padding
    /// Range Limit (PS3.3 C.7.5.1.1.2). Read as SS when Pixel Representation is 1.
    static func padding(_ dataSet: DataSet, pixel: ImagePixelDescription) -> ClosedRange<Int>? {
        func value(_ tag: DICOMTag) -> Int? {
            guard let word = dataSet.uint16Words(tag).first else { return nil }
            return pixel.pixelRepresentation == 1 ? Int(Int16(bitPattern: word)) : Int(word)
        }
        guard let first = value(.pixelPaddingValue) else { return nil }
        let limit = value(.pixelPaddingRangeLimit) ?? first
        return min(first, limit)...max(first, limit)
    }
}
