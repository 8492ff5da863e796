/// The value bytes of one non-sequence element, little endian and padded to even length
/// (PS3.5 §6.2, §7.1.1), after checking the value against its VR.
enum ValueEncoder {
    static func bytes(of element: WritableElement) throws(DICOMWriteError) -> [UInt8] {
        let tag = element.tag, vr = element.vr
        var bytes: [UInt8]
        switch (element.value, vr) {
        case (.strings(let values), _) where vr.isText:
            bytes = try text(values, tag: tag, vr: vr)
        case (.numbers(let values), .DS), (.numbers(let values), .IS):
            bytes = try text(
                values.map { (value) throws(DICOMWriteError) in try number(value, tag: tag, vr: vr) }, tag: tag, vr: vr)
        case (.bytes(let raw), _) where vr != .SQ:
            bytes = raw
            if vr.isText { try checkEncodedText(raw, tag: tag, vr: vr) }
        case (.uint16s(let values), .US), (.uint16s(let values), .OW):
            bytes = littleEndian(values)
        case (.int16s(let values), .SS):
            bytes = littleEndian(values)
        case (.uint32s(let values), .UL), (.uint32s(let values), .OL):
            bytes = littleEndian(values)
        case (.int32s(let values), .SL):
            bytes = littleEndian(values)
        case (.float32s(let values), .FL), (.float32s(let values), .OF):
            bytes = littleEndian(values.map(\.bitPattern))
        case (.numbers(let values), .FD), (.numbers(let values), .OD):
            bytes = littleEndian(values.map(\.bitPattern))
        case (.tags(let values), .AT):
            bytes = values.flatMap { littleEndian($0.group) + littleEndian($0.element) }
        default:
            throw .valueDoesNotFitVR(tag: tag, vr: vr, valueKind: element.value.kind)
        }
        if bytes.count % 2 == 1 { bytes.append(vr.paddingByte) }
        return bytes
    }

    /// Text values checked one by one, joined with `\`, as UTF-8.
    static func text(_ values: [String], tag: DICOMTag, vr: ValueRepresentation) throws(DICOMWriteError) -> [UInt8] {
        if vr.isSingleValuedText, values.count > 1 {
            throw .invalidCharacters(
                tag: tag, vr: vr, value: values.joined(separator: "\\"), reason: "\(vr.rawValue) holds a single value")
        }
        for value in values {
            if vr == .UI {
                if let problem = DICOMUID.problem(value) { throw .invalidUID(tag: tag, uid: value, reason: problem) }
                continue
            }
            if let problem = vr.characterProblem(value) {
                throw .invalidCharacters(tag: tag, vr: vr, value: value, reason: problem)
            }
            let length = value.utf8.count
            if vr == .PN {
                for group in value.split(separator: "=", omittingEmptySubsequences: false) where group.utf8.count > 64 {
                    throw .valueTooLong(tag: tag, vr: vr, value: value, length: group.utf8.count, maximum: 64)
                }
            } else if let maximum = vr.maximumValueBytes, length > maximum {
                throw .valueTooLong(tag: tag, vr: vr, value: value, length: length, maximum: maximum)
            }
        }
        return Array(values.joined(separator: "\\").utf8)
    }

    /// Text already encoded in the data set's character set: only lengths are checked.
    static func checkEncodedText(_ raw: [UInt8], tag: DICOMTag, vr: ValueRepresentation) throws(DICOMWriteError) {
        guard let maximum = vr.maximumValueBytes, vr != .PN else { return }
        let values = vr.isSingleValuedText ? [raw[...]] : raw.split(separator: 0x5C, omittingEmptySubsequences: false)
        for value in values where value.count > maximum {
            let shown = String(decoding: value, as: UTF8.self)
            throw .valueTooLong(tag: tag, vr: vr, value: shown, length: value.count, maximum: maximum)
        }
    }

    /// A number as DS (at most 16 characters) or IS (an integer of at most 12 characters).
    static func number(_ value: Double, tag: DICOMTag, vr: ValueRepresentation) throws(DICOMWriteError) -> String {
        guard value.isFinite else { throw .invalidNumber(tag: tag, vr: vr, value: value) }
        if vr == .IS {
            guard value.rounded() == value, abs(value) <= 2_147_483_647 else {
                throw .invalidNumber(tag: tag, vr: vr, value: value)
            }
            return String(Int(value))
        }
        guard let text = DecimalString.format(value) else { throw .invalidNumber(tag: tag, vr: vr, value: value) }
        return text
    }

    /// The little-endian bytes of `values` (two's complement for signed ones), in one allocation:
    /// on a little-endian machine the array's own bytes, copied once. A derived image's pixel data
    /// is millions of samples, so no array per sample.
    static func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        #if _endian(little)
            return values.withUnsafeBytes { Array($0) }
        #else
            return values.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
        #endif
    }

    static func littleEndian(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    static func littleEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}
