/// Encodes a `WritableDataSet` in Explicit VR Little Endian (PS3.5 §7.1.2, transfer syntax
/// 1.2.840.10008.1.2.1).
///
/// - Elements are written in ascending tag order (PS3.5 §7.1).
/// - Every value has even length (PS3.5 §7.1.1): UI is padded with NUL, the other text VRs with a
///   trailing space, OB and UN with a NUL byte (PS3.5 §6.2).
/// - Text values are checked against their VR: length per value (Table 6.2-1), allowed characters,
///   UIDs against PS3.5 §9.1. Multiple values are joined with `\`.
/// - Sequences and their items are written with undefined length, closed by the Item Delimitation
///   (FFFE,E00D) and Sequence Delimitation (FFFE,E0DD) items (PS3.5 §7.5.1, §7.5.2): the encoder
///   never has to know a nested length in advance, and no sequence length can overflow.
public enum DataSetWriter {
    /// The encoded elements of `dataSet`, in ascending tag order.
    public static func encode(_ dataSet: WritableDataSet) throws(DICOMWriteError) -> [UInt8] {
        var output: [UInt8] = []
        try encode(dataSet, into: &output)
        return output
    }

    /// Appends the encoded elements of `dataSet` to `output`.
    public static func encode(_ dataSet: WritableDataSet, into output: inout [UInt8]) throws(DICOMWriteError) {
        for element in dataSet.elements {
            try encode(element, into: &output)
        }
    }

    /// Appends one element: tag, VR, length and value (PS3.5 §7.1.2).
    public static func encode(_ element: WritableElement, into output: inout [UInt8]) throws(DICOMWriteError) {
        appendTag(element.tag, to: &output)
        output += Array(element.vr.rawValue.utf8)
        if case .items(let items) = element.value {
            guard element.vr == .SQ else {
                throw .valueDoesNotFitVR(tag: element.tag, vr: element.vr, valueKind: element.value.kind)
            }
            output += [0, 0]
            appendUInt32(0xFFFF_FFFF, to: &output)
            for item in items {
                appendTag(.item, to: &output)
                appendUInt32(0xFFFF_FFFF, to: &output)
                try encode(item, into: &output)
                appendTag(.itemDelimitation, to: &output)
                appendUInt32(0, to: &output)
            }
            appendTag(.sequenceDelimitation, to: &output)
            appendUInt32(0, to: &output)
            return
        }
        let value = try ValueEncoder.bytes(of: element)
        guard value.count <= element.vr.maximumElementLength else {
            throw .elementTooLong(
                tag: element.tag, vr: element.vr, length: value.count, maximum: element.vr.maximumElementLength)
        }
        if element.vr.hasLongExplicitLength {
            output += [0, 0]
            appendUInt32(UInt32(value.count), to: &output)
        } else {
            appendUInt16(UInt16(value.count), to: &output)
        }
        output += value
    }

    static func appendTag(_ tag: DICOMTag, to output: inout [UInt8]) {
        appendUInt16(tag.group, to: &output)
        appendUInt16(tag.element, to: &output)
    }

    static func appendUInt16(_ value: UInt16, to output: inout [UInt8]) {
        output.append(UInt8(value & 0xFF))
        output.append(UInt8(value >> 8))
    }

    static func appendUInt32(_ value: UInt32, to output: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }
}
