/// Typed access to element values (PS3.5 §6.2). Text values have their padding removed; multiple
/// values are split at `\`; numbers written as text (IS, DS) accept leading zeros, signs, spaces
/// and exponents (`00500`, `+1.5E+02`). An empty value reads as absent.
extension DataSet {
    /// The whole text value with padding removed, or nil when absent or empty.
    public func string(_ tag: DICOMTag) -> String? {
        guard let raw = rawValue(tag) else { return nil }
        let text = decodeText(raw).trimmingDICOMPadding()
        return text.isEmpty ? nil : text
    }

    /// The values of a multi-valued text element, each trimmed; empty when absent.
    public func strings(_ tag: DICOMTag) -> [String] {
        guard let element = self[tag], let raw = rawValue(tag) else { return [] }
        let text = decodeText(raw)
        if effectiveVR(element).isSingleValuedText { return [text.trimmingDICOMPadding()] }
        return text.split(separator: "\\", omittingEmptySubsequences: false).map { String($0).trimmingDICOMPadding() }
    }

    /// Numeric values of an element: binary for US, SS, UL, SL, FL, FD (and OW/OB/UN read as US
    /// words), parsed text for IS and DS. Values that do not parse are skipped.
    public func doubles(_ tag: DICOMTag) -> [Double] {
        guard let element = self[tag], let raw = rawValue(tag) else { return [] }
        switch effectiveVR(element) {
        case .US, .OW, .OB, .UN: return words(raw).map { Double($0) }
        case .SS: return words(raw).map { Double(Int16(bitPattern: $0)) }
        case .UL: return longs(raw).map { Double($0) }
        case .SL: return longs(raw).map { Double(Int32(bitPattern: $0)) }
        case .FL: return longs(raw).map { Double(Float(bitPattern: $0)) }
        case .FD: return quads(raw).map { Double(bitPattern: $0) }
        default: return strings(tag).compactMap { Double($0) }.filter { $0.isFinite }
        }
    }

    /// The first numeric value, or nil.
    public func double(_ tag: DICOMTag) -> Double? { doubles(tag).first }

    /// Integer values: as `doubles` but only exact integers within `Int` range.
    public func integers(_ tag: DICOMTag) -> [Int] {
        doubles(tag).compactMap { value in
            guard value.rounded() == value, abs(value) < 9.0e15 else { return nil }
            return Int(value)
        }
    }

    /// The first integer value, or nil.
    public func integer(_ tag: DICOMTag) -> Int? { integers(tag).first }

    /// A value as 16-bit words in the data set's byte order, whatever its VR: for attributes whose
    /// VR is US or SS depending on another attribute (LUT Descriptor, Pixel Padding Value, ...).
    public func uint16Words(_ tag: DICOMTag) -> [UInt16] {
        guard let raw = rawValue(tag) else { return [] }
        return words(raw)
    }

    func words(_ raw: ArraySlice<UInt8>) -> [UInt16] {
        var result: [UInt16] = []
        result.reserveCapacity(raw.count / 2)
        var position = raw.startIndex
        while position + 1 < raw.endIndex {
            let first = UInt16(raw[position]), second = UInt16(raw[position + 1])
            result.append(isBigEndian ? first << 8 | second : second << 8 | first)
            position += 2
        }
        return result
    }

    func longs(_ raw: ArraySlice<UInt8>) -> [UInt32] { fixedWidthValues(raw) }

    func quads(_ raw: ArraySlice<UInt8>) -> [UInt64] { fixedWidthValues(raw) }

    /// Consecutive unsigned integers of `T`'s width in the data set's byte order; a trailing
    /// partial value is ignored.
    private func fixedWidthValues<T: FixedWidthInteger & UnsignedInteger>(_ raw: ArraySlice<UInt8>) -> [T] {
        let size = T.bitWidth / 8
        var result: [T] = []
        result.reserveCapacity(raw.count / size)
        var position = raw.startIndex
        while raw.endIndex - position >= size {
            var value: T = 0
            for k in 0..<size {
                value = value << 8 | T(raw[position + (isBigEndian ? k : size - 1 - k)])
            }
            result.append(value)
            position += size
        }
        return result
    }

    /// Text as UTF-8 when it is valid UTF-8 (ASCII, ISO_IR 192), else as ISO 8859-1 (ISO_IR 100).
    func decodeText(_ raw: ArraySlice<UInt8>) -> String {
        if let utf8 = String(validating: raw, as: UTF8.self) { return utf8 }
        return String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) }))
    }
}
