/// Reads data elements out of a byte buffer (PS3.5 §7): Explicit or Implicit VR, either byte order,
/// sequences and items of defined and undefined length, nested, and encapsulated Pixel Data.
///
/// Every length read from the buffer is checked against the bytes that remain before it is used,
/// nesting is capped and elements are counted against `ReadLimits.maximumElementCount`, so no input
/// can make the parser read out of bounds, allocate without bound or overflow the stack.
struct DataSetParser {
    let buffer: [UInt8]
    let file: String
    let isExplicitVR: Bool
    let isBigEndian: Bool
    let limits: ReadLimits
    /// Elements, items and fragments read so far, shared by every parser of one file.
    let counter: ElementCounter

    init(
        buffer: [UInt8], file: String, isExplicitVR: Bool, isBigEndian: Bool, limits: ReadLimits,
        counter: ElementCounter = ElementCounter()
    ) {
        self.buffer = buffer
        self.file = file
        self.isExplicitVR = isExplicitVR
        self.isBigEndian = isBigEndian
        self.limits = limits
        self.counter = counter
    }

    static let undefinedLength: UInt32 = 0xFFFF_FFFF

    func uint16(at offset: Int) -> UInt16 {
        let first = UInt16(buffer[offset]), second = UInt16(buffer[offset + 1])
        return isBigEndian ? first << 8 | second : second << 8 | first
    }

    func uint32(at offset: Int) -> UInt32 {
        let high = UInt32(uint16(at: offset)), low = UInt32(uint16(at: offset + 2))
        return isBigEndian ? high << 16 | low : low << 16 | high
    }

    func tag(at offset: Int) -> DICOMTag { DICOMTag(uint16(at: offset), uint16(at: offset + 2)) }

    /// A parser for the items of a sequence written as Implicit VR Little Endian inside an Explicit
    /// VR data set (VR UN, PS3.5 §6.2.2 and CP-246).
    var implicitLittleEndian: DataSetParser {
        DataSetParser(
            buffer: buffer, file: file, isExplicitVR: false, isBigEndian: false, limits: limits, counter: counter)
    }

    /// Counts one element, item or fragment found at `offset`; throws once the file holds more than
    /// `limits.maximumElementCount`.
    func count(_ tag: DICOMTag, at offset: Int) throws(DICOMError) {
        counter.value += 1
        guard counter.value <= limits.maximumElementCount else {
            throw .tooLarge(
                file: file, tag: tag, offset: offset, limit: .elementCount, value: counter.value,
                maximum: limits.maximumElementCount)
        }
    }

    /// Parses elements from `start` to `end`; with `untilItemDelimiter`, stops after an Item
    /// Delimitation Item. Returns the data set and the offset just past what was read.
    func parseDataSet(from start: Int, to end: Int, depth: Int, untilItemDelimiter: Bool) throws(DICOMError)
        -> (DataSet, Int)
    {
        var dataSet = DataSet(buffer: buffer, isBigEndian: isBigEndian, isExplicitVR: isExplicitVR)
        var position = start
        while position < end {
            guard end - position >= 8 else {
                throw .truncated(file: file, tag: nil, offset: position, needed: 8, available: end - position)
            }
            let tag = tag(at: position)
            if tag == .itemDelimitation {
                if untilItemDelimiter { return (dataSet, position + 8) }
                position += 8
                continue
            }
            if tag == .sequenceDelimitation {
                if untilItemDelimiter { return (dataSet, position) }
                position += 8
                continue
            }
            if tag == .item {
                throw .malformed(file: file, tag: tag, offset: position, reason: "item tag outside a sequence")
            }
            try count(tag, at: position)
            let element = try parseElement(tag: tag, at: position, end: end, depth: depth)
            dataSet.append(element)
            position = element.valueOffset + element.length
            if element.hasUndefinedLength { position += 8 }
            if element.isTruncated { position = end }
        }
        if untilItemDelimiter {
            throw .truncated(file: file, tag: .itemDelimitation, offset: end, needed: 8, available: 0)
        }
        return (dataSet, position)
    }

    private struct Header {
        var vr: ValueRepresentation
        var writtenVR: Bool
        var length: UInt32
        var valueOffset: Int
    }

    private func readHeader(tag: DICOMTag, at position: Int, end: Int) throws(DICOMError) -> Header {
        let dictionaryVR = DICOMDictionary.entry(for: tag)?.vr ?? .UN
        if isExplicitVR, let vr = ValueRepresentation(byte0: buffer[position + 4], byte1: buffer[position + 5]) {
            if vr.hasLongExplicitLength {
                guard end - position >= 12 else {
                    throw .truncated(file: file, tag: tag, offset: position, needed: 12, available: end - position)
                }
                return Header(vr: vr, writtenVR: true, length: uint32(at: position + 8), valueOffset: position + 12)
            }
            return Header(vr: vr, writtenVR: true, length: UInt32(uint16(at: position + 6)), valueOffset: position + 8)
        }
        // Implicit VR, or an Explicit VR stream whose element carries no VR (seen in the field).
        return Header(vr: dictionaryVR, writtenVR: false, length: uint32(at: position + 4), valueOffset: position + 8)
    }

    private func parseElement(tag: DICOMTag, at position: Int, end: Int, depth: Int) throws(DICOMError)
        -> DataElement
    {
        let header = try readHeader(tag: tag, at: position, end: end)
        let isDictionarySequence = DICOMDictionary.entry(for: tag)?.vr == .SQ
        if header.length == DataSetParser.undefinedLength {
            if tag == .pixelData {
                return try parseEncapsulatedPixelData(
                    at: position, valueOffset: header.valueOffset, end: end, vr: header.vr)
            }
            guard depth < limits.maximumSequenceDepth else {
                throw .nestingTooDeep(file: file, tag: tag, offset: position, limit: limits.maximumSequenceDepth)
            }
            let itemParser = header.vr == .UN ? implicitLittleEndian : self
            let (items, next) = try itemParser.parseSequence(
                tag: tag, from: header.valueOffset, to: end, definedLength: false, depth: depth + 1)
            return DataElement(
                tag: tag, vr: .SQ, offset: position, valueOffset: header.valueOffset,
                length: next - 8 - header.valueOffset, hasUndefinedLength: true, content: .sequence(items))
        }
        let remaining = end - header.valueOffset
        guard Int(header.length) <= remaining else {
            if tag == .pixelData && depth == 0 {
                return DataElement(
                    tag: tag, vr: header.vr, offset: position, valueOffset: header.valueOffset,
                    length: max(0, remaining), isTruncated: true)
            }
            throw .invalidLength(
                file: file, tag: tag, offset: position, length: header.length, remaining: max(0, remaining))
        }
        let length = Int(header.length)
        let mayBeSequence =
            header.vr == .SQ
            || (header.vr == .UN && (isDictionarySequence || startsWithItem(header.valueOffset, length)))
        if mayBeSequence && length > 0 {
            guard depth < limits.maximumSequenceDepth else {
                throw .nestingTooDeep(file: file, tag: tag, offset: position, limit: limits.maximumSequenceDepth)
            }
            let itemParser = (header.writtenVR && header.vr == .UN) ? implicitLittleEndian : self
            do {
                let (items, _) = try itemParser.parseSequence(
                    tag: tag, from: header.valueOffset, to: header.valueOffset + length, definedLength: true,
                    depth: depth + 1)
                return DataElement(
                    tag: tag, vr: .SQ, offset: position, valueOffset: header.valueOffset, length: length,
                    content: .sequence(items))
            } catch {
                if header.vr == .SQ { throw error }
                // An unknown element that merely starts like an item keeps its raw value.
            }
        }
        if header.vr == .SQ {
            return DataElement(
                tag: tag, vr: .SQ, offset: position, valueOffset: header.valueOffset, length: 0, content: .sequence([]))
        }
        return DataElement(tag: tag, vr: header.vr, offset: position, valueOffset: header.valueOffset, length: length)
    }

    private func startsWithItem(_ offset: Int, _ length: Int) -> Bool {
        length >= 8 && tag(at: offset) == .item
    }
}

/// The running count of one file's elements, items and fragments.
final class ElementCounter {
    var value = 0
}
