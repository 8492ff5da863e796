/// The Palette Color Lookup Table module (PS3.3 C.7.9): one red, one green and one blue table that
/// map each PALETTE COLOR index to a colour (C.7.6.3.1.5), given whole or as Segmented Palette
/// Color Lookup Table Data (C.7.9.2).
public struct PaletteColorTable: Sendable, Equatable {
    /// The index mapped to the first entry (descriptor value 2); lower indices take the first entry.
    public let firstMappedIndex: Int
    /// Bits per entry, 8 or 16 (descriptor value 3).
    public let bitsPerEntry: Int
    /// The red, green and blue entries, each of the descriptor's length (1...65536).
    public let red: [UInt16]
    public let green: [UInt16]
    public let blue: [UInt16]

    /// Reads the three descriptors and their data; throws for a missing or unusable table.
    public init(dataSet: DataSet, file: String, signedIndices: Bool) throws(DICOMError) {
        let channels: [(DICOMTag, DICOMTag, DICOMTag)] = [
            (.redPaletteLUTDescriptor, .redPaletteLUTData, .segmentedRedPaletteLUTData),
            (.greenPaletteLUTDescriptor, .greenPaletteLUTData, .segmentedGreenPaletteLUTData),
            (.bluePaletteLUTDescriptor, .bluePaletteLUTData, .segmentedBluePaletteLUTData),
        ]
        var tables: [[UInt16]] = []
        var first = 0
        var bits = 16
        for (descriptorTag, dataTag, segmentedTag) in channels {
            let descriptor = dataSet.uint16Words(descriptorTag)
            guard descriptor.count >= 3 else { throw .missingAttribute(file: file, tag: descriptorTag) }
            let entries = descriptor[0] == 0 ? 65536 : Int(descriptor[0])
            first = signedIndices ? Int(Int16(bitPattern: descriptor[1])) : Int(descriptor[1])
            bits = Int(descriptor[2])
            guard bits == 8 || bits == 16 else {
                throw .invalidAttribute(
                    file: file, tag: descriptorTag, value: descriptor.map(String.init).joined(separator: "\\"),
                    reason: "bits per entry must be 8 or 16 (PS3.3 C.7.6.3.1.5)")
            }
            let table: [UInt16]
            if dataSet.hasValue(dataTag) {
                table = Self.plainEntries(dataSet, dataTag, entries: entries, bits: bits)
            } else if dataSet.hasValue(segmentedTag) {
                do throws(SegmentedPalette.Failure) {
                    table = try SegmentedPalette.expand(dataSet.uint16Words(segmentedTag), entries: entries)
                } catch {
                    throw .invalidAttribute(file: file, tag: segmentedTag, value: "...", reason: error.reason)
                }
            } else {
                throw .missingAttribute(file: file, tag: dataTag)
            }
            guard table.count == entries else {
                throw .invalidAttribute(
                    file: file, tag: dataTag, value: "\(table.count) entries",
                    reason: "the descriptor declares \(entries) entries")
            }
            tables.append(table)
        }
        firstMappedIndex = first
        bitsPerEntry = bits
        red = tables[0]
        green = tables[1]
        blue = tables[2]
    }

    /// Entries of a plain table: 16-bit words, or 8-bit entries as bytes (OB, or one byte an entry),
    /// or 8-bit entries in the low byte of each word.
    private static func plainEntries(_ dataSet: DataSet, _ tag: DICOMTag, entries: Int, bits: Int) -> [UInt16] {
        guard let raw = dataSet.rawValue(tag) else { return [] }
        if bits == 8, raw.count == entries || dataSet[tag]?.vr == .OB { return raw.prefix(entries).map { UInt16($0) } }
        let words = dataSet.uint16Words(tag).prefix(entries)
        return bits == 8 ? words.map { $0 & 0xFF } : Array(words)
    }

    /// The colour of one index, each channel in `bitsPerEntry` bits.
    public func color(ofIndex index: Int) -> (red: UInt16, green: UInt16, blue: UInt16) {
        let position = min(max(index - firstMappedIndex, 0), red.count - 1)
        return (red[position], green[position], blue[position])
    }
}

/// Segmented Palette Color Lookup Table Data (PS3.3 C.7.9.2): discrete (opcode 0), linear (1) and
/// indirect (2) segments that expand into the table's entries.
enum SegmentedPalette {
    struct Failure: Error {
        let reason: String
    }

    /// Expands the segments into exactly `entries` values (an indirect segment may not point
    /// forward, and expansion stops at `entries`, so a hostile table cannot grow without bound).
    static func expand(_ words: [UInt16], entries: Int) throws(Failure) -> [UInt16] {
        var output: [UInt16] = []
        var segmentStarts: [Int] = []
        try expand(words, range: 0..<words.count, into: &output, starts: &segmentStarts, entries: entries, depth: 0)
        guard output.count >= entries else {
            throw Failure(reason: "the segments expand to \(output.count) entries, \(entries) declared")
        }
        return Array(output.prefix(entries))
    }

    private static func expand(
        _ words: [UInt16], range: Range<Int>, into output: inout [UInt16], starts: inout [Int], entries: Int,
        depth: Int
    ) throws(Failure) {
        var position = range.lowerBound
        while position + 1 < range.upperBound, output.count < entries {
            let opcode = words[position], length = Int(words[position + 1])
            if depth == 0 { starts.append(position) }
            position += 2
            switch opcode {
            case 0:
                guard position + length <= range.upperBound else {
                    throw Failure(reason: "a discrete segment is cut short")
                }
                output += words[position..<(position + length)].prefix(entries - output.count)
                position += length
            case 1:
                guard position < range.upperBound, let start = output.last else {
                    throw Failure(reason: "a linear segment has no start or end value")
                }
                let end = words[position]
                position += 1
                for step in 1...max(length, 1) where output.count < entries && length > 0 {
                    let value = Double(start) + (Double(end) - Double(start)) * Double(step) / Double(length)
                    output.append(UInt16(value.rounded()))
                }
            case 2:
                guard depth == 0, position + 1 < range.upperBound else {
                    throw Failure(reason: "an indirect segment is cut short or nested")
                }
                let offset = Int(words[position]) | Int(words[position + 1]) << 16
                position += 2
                guard let first = starts.firstIndex(where: { $0 >= offset }), starts[first] == offset,
                    first + length <= starts.count - 1
                else { throw Failure(reason: "an indirect segment points outside the earlier segments") }
                let end = first + length < starts.count - 1 ? starts[first + length] : starts[starts.count - 1]
                try expand(words, range: offset..<end, into: &output, starts: &starts, entries: entries, depth: 1)
            default:
                throw Failure(reason: "segment opcode \(opcode) is not 0, 1 or 2")
            }
        }
    }
}
