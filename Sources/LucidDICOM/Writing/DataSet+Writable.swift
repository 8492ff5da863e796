/// Carrying elements of a parsed data set over to a `WritableDataSet`, whatever the source's
/// transfer syntax: binary values are brought to little endian (PS3.5 §7.3), text values keep their
/// bytes (or are transcoded from ISO 8859-1 to UTF-8 when the output switches to ISO_IR 192,
/// PS3.5 §6.1.2.3), sequences are copied item by item.
extension DataSet {
    /// How copied text is re-encoded.
    enum TextCopy: Sendable {
        /// Bytes unchanged: the output keeps the source's Specific Character Set.
        case unchanged
        /// Bytes read as ISO 8859-1 (ASCII included) and written as UTF-8, for ISO_IR 192 output.
        case latin1ToUTF8
    }

    /// The element `tag` ready to write with `vr`, or nil when the source does not have it. An
    /// empty source value gives an empty element.
    func writable(_ tag: DICOMTag, vr: ValueRepresentation? = nil, text: TextCopy) throws(DICOMWriteError)
        -> WritableElement?
    {
        guard let element = self[tag] else { return nil }
        return try writable(element, vr: vr, text: text)
    }

    func writable(_ element: DataElement, vr requested: ValueRepresentation?, text: TextCopy) throws(DICOMWriteError)
        -> WritableElement
    {
        let tag = element.tag
        var vr = requested ?? effectiveVR(element)
        switch element.content {
        case .fragments:
            throw .cannotCopy(tag: tag, reason: "encapsulated pixel data is never copied")
        case .sequence(let items):
            var copies: [WritableDataSet] = []
            for item in items { copies.append(try item.writableItem(text: text)) }
            return WritableElement(tag: tag, vr: .SQ, value: .items(copies))
        case .value:
            if vr == .SQ {
                guard element.length == 0 else {
                    throw .cannotCopy(tag: tag, reason: "a sequence stored as an opaque value")
                }
                return WritableElement(tag: tag, vr: .SQ, value: .items([]))
            }
            let raw = rawValue(tag).map { Array($0) } ?? []
            if vr.isText {
                return WritableElement(tag: tag, vr: vr, value: .bytes(Self.copyText(raw, vr: vr, text: text)))
            }
            let bytes = isBigEndian ? Self.swapped(raw, unit: vr.unitSize) : raw
            if vr == .US || vr == .SS, bytes.count > vr.maximumElementLength { vr = .OW }
            return WritableElement(tag: tag, vr: vr, value: .bytes(bytes))
        }
    }

    /// Every element of this item (a sequence item of the source), copied.
    func writableItem(text: TextCopy) throws(DICOMWriteError) -> WritableDataSet {
        var item = WritableDataSet()
        for element in elements where element.tag.element != 0x0000 {
            let copy = try writable(element, vr: nil, text: text)
            item.set(copy.tag, copy.vr, copy.value)
        }
        return item
    }

    /// Text bytes without their trailing padding (the writer pads again), transcoded when asked.
    static func copyText(_ raw: [UInt8], vr: ValueRepresentation, text: TextCopy) -> [UInt8] {
        var bytes = raw
        while let last = bytes.last, last == 0x20 || last == 0x00 { bytes.removeLast() }
        guard case .latin1ToUTF8 = text, vr != .UI, bytes.contains(where: { $0 >= 0x80 }) else { return bytes }
        return Array(String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })).utf8)
    }

    /// Bytes with every `unit`-byte value reversed (big endian to little endian).
    static func swapped(_ raw: [UInt8], unit: Int) -> [UInt8] {
        guard unit > 1 else { return raw }
        var bytes = raw
        var start = 0
        while start + unit <= bytes.count {
            bytes[start..<(start + unit)].reverse()
            start += unit
        }
        return bytes
    }
}

extension ValueRepresentation {
    /// Size in bytes of one binary value, for byte swapping; 1 for bytes and text. AT swaps as two
    /// 16-bit numbers.
    var unitSize: Int {
        switch self {
        case .US, .SS, .OW, .AT: return 2
        case .UL, .SL, .FL, .OF, .OL: return 4
        case .FD, .OD, .SV, .UV, .OV: return 8
        default: return 1
        }
    }
}
