/// Sequences of items and encapsulated Pixel Data (PS3.5 §7.5, A.4).
extension DataSetParser {
    /// Reads the items of a sequence whose value starts at `start`. With `definedLength`, the items
    /// fill `start..<end` exactly; otherwise they run to a Sequence Delimitation Item, and the
    /// returned offset is just past it.
    func parseSequence(tag: DICOMTag, from start: Int, to end: Int, definedLength: Bool, depth: Int)
        throws(DICOMError) -> ([DataSet], Int)
    {
        var items: [DataSet] = []
        var position = start
        while true {
            if definedLength && position >= end { return (items, position) }
            guard end - position >= 8 else {
                throw .truncated(file: file, tag: tag, offset: position, needed: 8, available: end - position)
            }
            let itemTag = self.tag(at: position)
            let itemLength = uint32(at: position + 4)
            if itemTag == .sequenceDelimitation {
                return (items, position + 8)
            }
            guard itemTag == .item else {
                throw .malformed(
                    file: file, tag: tag, offset: position,
                    reason: "expected an item (FFFE,E000) in the sequence, found \(itemTag)")
            }
            try count(itemTag, at: position)
            if itemLength == DataSetParser.undefinedLength {
                let (item, next) = try parseDataSet(
                    from: position + 8, to: end, depth: depth, untilItemDelimiter: true)
                items.append(item)
                position = next
            } else {
                let available = end - (position + 8)
                guard Int(itemLength) <= available else {
                    throw .invalidLength(
                        file: file, tag: .item, offset: position, length: itemLength, remaining: available)
                }
                let itemEnd = position + 8 + Int(itemLength)
                let (item, _) = try parseDataSet(
                    from: position + 8, to: itemEnd, depth: depth, untilItemDelimiter: false)
                items.append(item)
                position = itemEnd
            }
        }
    }

    /// Reads encapsulated Pixel Data: a Basic Offset Table item, fragment items, then a Sequence
    /// Delimitation Item. A file that ends inside a fragment yields an element marked truncated.
    func parseEncapsulatedPixelData(at position: Int, valueOffset: Int, end: Int, vr: ValueRepresentation)
        throws(DICOMError) -> DataElement
    {
        var fragments: [Fragment] = []
        var cursor = valueOffset
        while true {
            guard end - cursor >= 8 else {
                return DataElement(
                    tag: .pixelData, vr: vr, offset: position, valueOffset: valueOffset, length: end - valueOffset,
                    hasUndefinedLength: true, isTruncated: true, content: .fragments(fragments))
            }
            let itemTag = tag(at: cursor)
            let itemLength = uint32(at: cursor + 4)
            if itemTag == .sequenceDelimitation {
                return DataElement(
                    tag: .pixelData, vr: vr, offset: position, valueOffset: valueOffset, length: cursor - valueOffset,
                    hasUndefinedLength: true, content: .fragments(fragments))
            }
            guard itemTag == .item, itemLength != DataSetParser.undefinedLength else {
                throw .malformed(
                    file: file, tag: .pixelData, offset: cursor,
                    reason: "expected a fragment item (FFFE,E000) of defined length, found \(itemTag)")
            }
            let available = end - (cursor + 8)
            guard Int(itemLength) <= available else {
                return DataElement(
                    tag: .pixelData, vr: vr, offset: position, valueOffset: valueOffset, length: end - valueOffset,
                    hasUndefinedLength: true, isTruncated: true, content: .fragments(fragments))
            }
            try count(.pixelData, at: cursor)
            fragments.append(Fragment(offset: cursor, valueOffset: cursor + 8, length: Int(itemLength)))
            cursor += 8 + Int(itemLength)
        }
    }
}
